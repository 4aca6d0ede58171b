package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedText;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Each entity form compiles without warnings, and generated code reaches fields the form's way. */
class EntityFormsTest {

    @Test
    void javaBeanAccessors() {
        Compilation compilation = compile(entity("Bean", """
                @Entity
                public class Bean {
                    @Id private long id;
                    private String title;
                    private boolean active;
                    public long getId() { return id; }
                    public void setId(long id) { this.id = id; }
                    public String getTitle() { return title; }
                    public void setTitle(String title) { this.title = title; }
                    public boolean isActive() { return active; }
                    public void setActive(boolean active) { this.active = active; }
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        org.assertj.core.api.Assertions.assertThat(generatedText(compilation, "test.BeanMapping")).get().asString()
                .contains("entity.setTitle(row.getString(offset + 2));")
                .contains("entity.setActive(row.getBoolean(offset + 3));");
        org.assertj.core.api.Assertions.assertThat(generatedText(compilation, "test.BeanDao")).get().asString()
                .contains("Binding.text(entity.getTitle()),")
                .contains("entity.setId((Long) key);");
    }

    @Test
    void aBooleanNamedAsKotlinNamesItHasIsAndSetAccessors() {
        Compilation compilation = compile(entity("Account", """
                @Entity
                public class Account {
                    @Id long id;
                    private boolean isActive;
                    public boolean isActive() { return isActive; }
                    public void setActive(boolean active) { this.isActive = active; }
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        org.assertj.core.api.Assertions.assertThat(generatedText(compilation, "test.AccountMapping")).get().asString()
                .contains("entity.setActive(row.getBoolean(offset + 2));")
                .contains("\"is_active\"");
        org.assertj.core.api.Assertions.assertThat(generatedText(compilation, "test.AccountDao")).get().asString()
                .contains("Binding.bool(entity.isActive())");
    }

    @Test
    void recordStyleAccessors() {
        Compilation compilation = compile(entity("Fluent", """
                @Entity
                public class Fluent {
                    @Id private long id;
                    private String title;
                    public long id() { return id; }
                    public Fluent id(long id) { this.id = id; return this; }
                    public String title() { return title; }
                    public Fluent title(String title) { this.title = title; return this; }
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        org.assertj.core.api.Assertions.assertThat(generatedText(compilation, "test.FluentMapping")).get().asString()
                .contains("entity.title(row.getString(offset + 2));");
    }

    @Test
    void records() {
        Compilation compilation = compile(entity("Album", """
                @Entity
                public record Album(@Id long id, String title,
                        @Relationship(joinColumn = "album_id") List<Track> tracks) {
                }
                """), entity("Track", """
                @Entity
                public record Track(@Id long id, String name, @Column("album_id") Long albumId) {
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        org.assertj.core.api.Assertions.assertThat(generatedText(compilation, "test.AlbumMapping")).get().asString()
                .contains("new RecordHolder(this, values[0], values)")
                .contains("new Album(")
                .contains("((TracksRelation) TRACKS_RELATION).built(holder, build)");
    }
}
