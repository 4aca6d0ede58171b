package dev.loadplan.processor.errors;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.loadplan.processor.diagnostics.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * How errors are reported as a whole: every problem at once, then code only for entities whose model is sound,
 * so that a broken entity never provokes a second wave of errors in generated code.
 */
class ErrorReportingTest {

    private static final JavaFileObject ERRONEOUS_AUTHOR = entity("ErroneousAuthor", """
            @Entity
            public class ErroneousAuthor {
                long id;
                String name;
            }
            """);

    @Test
    void reportsEveryProblemOfABuildAtOnce() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    private String title;
                }
                """);

        Compilation compilation = compile(ERRONEOUS_AUTHOR, book);

        assertThat(compilation).hadErrorContaining(Message.MISSING_ID.format("ErroneousAuthor"))
                .inFile(ERRONEOUS_AUTHOR).onLineContaining("public class ErroneousAuthor");
        assertThat(compilation).hadErrorContaining(Message.PRIVATE_FIELD.format("ErroneousBook", "title",
                "getTitle() and setTitle(String) (or title() and title(String))"))
                .inFile(book).onLineContaining("private String title;");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void reportsEveryProblemOfOneEntityAtOnce() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    private String title;
                    java.util.Date published;
                }
                """);

        Compilation compilation = compile(book);

        assertThat(compilation).hadErrorContaining(Message.PRIVATE_FIELD.format("ErroneousBook", "title",
                "getTitle() and setTitle(String) (or title() and title(String))"))
                .inFile(book).onLineContaining("private String title;");
        assertThat(compilation).hadErrorContaining("ErroneousBook.published has type java.util.Date")
                .inFile(book).onLineContaining("java.util.Date published;");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void generatesNothingForAnEntityThatPointsAtAnErroneousOne() {
        JavaFileObject book = entity("Book", """
                @Entity
                public class Book {
                    @Id long id;
                    @Relationship(joinColumn = "author_id") ErroneousAuthor author;
                }
                """);

        Compilation compilation = compile(ERRONEOUS_AUTHOR, book);

        assertThat(compilation).hadErrorContaining(Message.MISSING_ID.format("ErroneousAuthor"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
        assertThat(generatedFor(compilation, "test.Book")).isEmpty();
    }

    @Test
    void stillGeneratesAnUnrelatedSoundEntity() {
        JavaFileObject tag = entity("Tag", """
                @Entity
                public class Tag {
                    @Id long id;
                    String label;
                }
                """);

        Compilation compilation = compile(ERRONEOUS_AUTHOR, tag);

        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
        assertThat(generatedFor(compilation, "test.Tag")).containsExactly("test.TagMapping", "test.TagLoader",
                "test.TagDao");
    }
}
