package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Sound entity declarations beyond the plain top-level class: naming, nesting, fields that are not columns. */
class EntityDeclarationsTest {

    @Test
    void tableDefaultsToTheClassNameInSnakeCase() {
        Compilation compilation = compile(entity("BookReview", """
                @Entity
                public class BookReview {
                    @Id long id;
                    String reviewText;
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.generatedText(compilation, "test.BookReviewLoader")).get(STRING)
                .contains("\"SELECT book_review.id, book_review.review_text\\n\"");
    }

    @Test
    void staticAndTransientFieldsAreNotColumns() {
        Compilation compilation = compile(entity("Book", """
                @Entity
                public class Book {
                    static final String KIND = "book";
                    @Id long id;
                    String title;
                    transient int cachedHash;
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.generatedText(compilation, "test.BookLoader")).get(STRING)
                .contains("\"SELECT book.id, book.title\\n\"");
    }

    @Test
    void staticNestedEntity() {
        Compilation compilation = compile(entity("Outer", """
                public class Outer {
                    @Entity
                    public static class Inner {
                        @Id long id;
                        String name;
                    }
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
    }
}
