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

/** Errors in {@code orderBy}, the order of a collection on the target's columns. */
class OrderByErrorsTest {

    /** Table {@code book}, columns {@code id, title, author_id}; points back at {@code ErroneousAuthor}. */
    private static final JavaFileObject BOOK = entity("Book", """
            @Entity
            public class Book {
                @Id long id;
                String title;
                @Relationship(joinColumn = "author_id") ErroneousAuthor author;
            }
            """);

    private static final JavaFileObject AUTHOR = entity("Author", """
            @Entity
            public class Author {
                @Id long id;
                String name;
            }
            """);

    @Test
    void orderByOnAReference() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship(joinColumn = "author_id",
                            orderBy = "name")
                    Author author;
                }
                """);

        Compilation compilation = compile(AUTHOR, book);

        assertThat(compilation).hadErrorContaining(Message.ORDER_BY_ON_REFERENCE.format("ErroneousBook", "author"))
                .inFile(book).onLineContaining("orderBy = \"name\"");
        assertThat(compilation).hadErrorContaining("ErroneousBook.author is a reference; orderBy applies only");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void orderByAColumnTheTargetDoesNotMap() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(mappedBy = "author",
                            orderBy = "published DESC")
                    List<Book> books;
                }
                """);

        Compilation compilation = compile(author, BOOK);

        assertThat(compilation).hadErrorContaining(Message.ORDER_BY_UNKNOWN_COLUMN.format("ErroneousAuthor", "books",
                        "published", "Book", "book", "", "id, title, author_id"))
                .inFile(author).onLineContaining("orderBy = \"published DESC\"");
        assertThat(compilation).hadErrorContaining("orderBy column \"published\", which Book (table book) does not "
                + "map. Columns: id, title, author_id");
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
    }

    @Test
    void misspelledOrderByColumnSuggestsTheClosestColumn() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(mappedBy = "author",
                            orderBy = "tittle DESC")
                    List<Book> books;
                }
                """);

        Compilation compilation = compile(author, BOOK);

        assertThat(compilation).hadErrorContaining(Message.ORDER_BY_UNKNOWN_COLUMN.format("ErroneousAuthor", "books",
                        "tittle", "Book", "book", " (did you mean \"title\"?)", "id, title, author_id"))
                .inFile(author).onLineContaining("orderBy = \"tittle DESC\"");
        assertThat(compilation).hadErrorContaining("does not map (did you mean \"title\"?)");
    }

    @Test
    void orderByThatIsNotAListOfColumns() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(mappedBy = "author",
                            orderBy = "title DESCENDING")
                    List<Book> books;
                }
                """);

        Compilation compilation = compile(author, BOOK);

        assertThat(compilation).hadErrorContaining(Message.ORDER_BY_SYNTAX.format("ErroneousAuthor", "books",
                        "title DESCENDING", "book"))
                .inFile(author).onLineContaining("orderBy = \"title DESCENDING\"");
        assertThat(compilation).hadErrorContaining("ErroneousAuthor.books has orderBy \"title DESCENDING\"");
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
    }
}
