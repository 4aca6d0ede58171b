package dev.loadplan.processor.errors;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.model.ScalarType;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors about the primary key: none, several, on a relationship, or of a type a key cannot have. */
class IdErrorsTest {

    @Test
    void entityWithoutId() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    long id;
                    String title;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.MISSING_ID.format("ErroneousBook"))
                .inFile(source).onLineContaining("public class ErroneousBook");
        assertThat(compilation).hadErrorContaining("@Entity ErroneousBook has no @Id field");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void entityWithTwoIds() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Id long isbn;
                    String title;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.DUPLICATE_ID.format("ErroneousBook", "id, isbn"))
                .inFile(source).onLineContaining("@Id long isbn;");
        assertThat(compilation).hadErrorContaining("more than one @Id field (id, isbn)");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void idOnARelationship() {
        JavaFileObject author = entity("Author", """
                @Entity
                public class Author {
                    @Id long id;
                }
                """);
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Id @Relationship(joinColumn = "author_id") Author author;
                }
                """);

        Compilation compilation = compile(author, book);

        assertThat(compilation).hadErrorContaining(Message.ID_ON_RELATIONSHIP.format("ErroneousBook", "author"))
                .inFile(book).onLineContaining("Author author;");
        assertThat(compilation).hadErrorContaining("ErroneousBook.author cannot be both @Id and @Relationship");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void idOfATypeAKeyCannotHave() {
        JavaFileObject source = entity("ErroneousReading", """
                @Entity
                public class ErroneousReading {
                    @Id double value;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(
                        Message.ID_TYPE.format("ErroneousReading", "value", "double", ScalarType.keyNames()))
                .inFile(source).onLineContaining("@Id double value;");
        assertThat(compilation).hadErrorContaining("@Id ErroneousReading.value has type double");
        assertThat(generatedFor(compilation, "test.ErroneousReading")).isEmpty();
    }

    @Test
    void privateIdIsReportedOnlyAsPrivate() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id private long id;
                    String title;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.PRIVATE_FIELD.format("ErroneousBook", "id",
                "getId() and setId(long) (or id() and id(long))"))
                .inFile(source).onLineContaining("@Id private long id;");
        assertThat(compilation).hadErrorCount(1);
    }
}
