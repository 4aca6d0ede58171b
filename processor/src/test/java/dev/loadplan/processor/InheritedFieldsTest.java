package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedText;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Fields an entity inherits from plain superclasses (JPA's {@code @MappedSuperclass}) are mapped as its own: in
 * declaration order from the top, an {@code @Id} or {@code @Version} among them, through accessors where generated
 * code cannot reach the field, with the type arguments the entity gives its superclass.
 */
class InheritedFieldsTest {

    /** A base class in another package, as a shared library of a team would have it: private fields, accessors. */
    private static final JavaFileObject BASE_ELSEWHERE = JavaFileObjects.forSourceString("shared.BaseEntity", """
            package shared;

            import dev.loadplan.annotations.Id;
            import dev.loadplan.annotations.Version;
            import java.time.Instant;
            import java.util.UUID;

            public abstract class BaseEntity {
                @Id private UUID id;
                private Instant createdAt;
                @Version private long version;

                public UUID getId() { return id; }
                public void setId(UUID id) { this.id = id; }
                public Instant getCreatedAt() { return createdAt; }
                public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
                public long getVersion() { return version; }
                public void setVersion(long version) { this.version = version; }
            }
            """);

    @Test
    void fieldsOfSuperclassesAreMappedFirstInDeclarationOrderFromTheTop() {
        JavaFileObject top = entity("Stamped", """
                public abstract class Stamped {
                    @Id long id;
                    java.time.Instant createdAt;
                }
                """);
        JavaFileObject middle = entity("Named", """
                public abstract class Named extends Stamped {
                    String name;
                }
                """);
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends Named {
                    String title;
                }
                """);

        Compilation compilation = compile(top, middle, issue);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generatedText(compilation, "test.IssueMapping")).get().asString()
                .contains("DECLARED_FIELDS = \"id,createdAt,name,title\"")
                .contains("\"id\", \"created_at\", \"name\", \"title\"")
                .contains("entity.createdAt = ColumnReads.instant(row, offset + 2);",
                        "entity.title = row.getString(offset + 4);");
        assertThat(generatedText(compilation, "test.IssueDao")).get().asString()
                .contains("INSERT INTO issue (created_at, name, title)\\n\"\n            + \"VALUES (?, ?, ?)\\n\"");
    }

    @Test
    void anIdAndAVersionInASuperclassOfAnotherPackageWorkThroughItsAccessors() {
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends shared.BaseEntity {
                    String title;
                }
                """);

        Compilation compilation = compile(BASE_ELSEWHERE, issue);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generatedText(compilation, "test.IssueMapping")).get().asString()
                .contains("entity.setCreatedAt(")
                .contains("entity.setId(");
        assertThat(generatedText(compilation, "test.IssueDao")).get().asString()
                .contains("version = version + 1")
                .contains("entity.getVersion()");
    }

    @Test
    void aGenericSuperclassGivesItsFieldsTheTypesTheEntityChooses() {
        JavaFileObject base = entity("Keyed", """
                public abstract class Keyed<K> {
                    @Id K id;
                    private K parentId;
                    public K getParentId() { return parentId; }
                    public void setParentId(K parentId) { this.parentId = parentId; }
                }
                """);
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends Keyed<java.util.UUID> {
                    String title;
                }
                """);

        Compilation compilation = compile(base, issue);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generatedText(compilation, "test.IssueMapping")).get().asString()
                .contains("UUID.class")
                .contains("entity.setParentId(");
        assertThat(generatedText(compilation, "test.IssueDao")).get().asString()
                .contains("extends EntityDao<Issue>");
    }

    @Test
    void aRelationshipInASuperclassIsMappedAndCanBeNamedByMappedBy() {
        JavaFileObject member = entity("Member", """
                @Entity
                public class Member {
                    @Id long id;
                    @Relationship(mappedBy = "author") List<Issue> authored;
                }
                """);
        JavaFileObject base = entity("Authored", """
                public abstract class Authored {
                    @Relationship(joinColumn = "author_id") Member author;
                }
                """);
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends Authored {
                    @Id long id;
                }
                """);

        Compilation compilation = compile(member, base, issue);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generatedText(compilation, "test.IssueLoader")).get().asString().contains("withAuthorJoined()");
        assertThat(generatedText(compilation, "test.MemberLoader")).get().asString().contains("withAuthoredSelectIn()");
    }

    @Test
    void aSuperclassOfTheJdkMapsNothing() {
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends java.util.EventObject {
                    private static final long serialVersionUID = 1L;
                    @Id long id;
                    public Issue() { super("issue"); }
                }
                """);

        Compilation compilation = compile(issue);

        assertThat(compilation).succeeded();
        assertThat(generatedText(compilation, "test.IssueMapping")).get().asString()
                .contains("DECLARED_FIELDS = \"id\"");
    }
}
