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

/** Errors in {@code mappedBy}, the inverse side naming the field that owns the foreign key. */
class MappedByErrorsTest {

    /** Points back at {@code ErroneousAuthor} through {@code author}, and at a publisher through {@code publisher}. */
    private static final JavaFileObject BOOK = entity("Book", """
            @Entity
            public class Book {
                @Id long id;
                String title;
                @Relationship(joinColumn = "author_id") ErroneousAuthor author;
                @Relationship(joinColumn = "publisher_id") Publisher publisher;
            }
            """);

    private static final JavaFileObject PUBLISHER = entity("Publisher", """
            @Entity
            public class Publisher {
                @Id long id;
                String name;
            }
            """);

    @Test
    void mappedByNamingAColumn() {
        JavaFileObject book = entity("Book", """
                @Entity
                public class Book {
                    @Id long id;
                    @Column("author_id") Long authorId;
                }
                """);
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(mappedBy = "authorId")
                    List<Book> books;
                }
                """);

        Compilation compilation = compile(author, book);

        assertThat(compilation).hadErrorContaining(Message.MAPPED_BY_COLUMN.format("ErroneousAuthor", "books",
                "authorId", "Book", "authorId", "Book", "ErroneousAuthor", "it has none", "author_id"))
                .inFile(author).onLineContaining("mappedBy = \"authorId\"");
    }

    @Test
    void mappedByAndJoinColumnTogether() {
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Relationship(
                            mappedBy = "books",
                            joinColumn = "publisher_id")
                    Publisher publisher;
                }
                """);

        Compilation compilation = compile(PUBLISHER, book);

        assertThat(compilation).hadErrorContaining(
                        Message.MAPPED_BY_WITH_JOIN_COLUMN.format("ErroneousBook", "publisher"))
                .inFile(book).onLineContaining("mappedBy = \"books\"");
        assertThat(compilation).hadErrorContaining("ErroneousBook.publisher has both mappedBy and joinColumn");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void mappedByNamingNoRelationshipOfTheTarget() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(
                            mappedBy = "writer")
                    List<Book> books;
                }
                """);

        Compilation compilation = compile(author, BOOK, PUBLISHER);

        assertThat(compilation).hadErrorContaining(Message.UNKNOWN_MAPPED_BY.format("ErroneousAuthor", "books",
                        "writer", "Book", "", "Book", "ErroneousAuthor", "author"))
                .inFile(author).onLineContaining("mappedBy = \"writer\"");
        assertThat(compilation).hadErrorContaining("but Book has no such relationship. Relationships of Book that "
                + "point at ErroneousAuthor: author");
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
    }

    @Test
    void misspelledMappedBySuggestsTheClosestRelationship() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(
                            mappedBy = "autor")
                    List<Book> books;
                }
                """);

        Compilation compilation = compile(author, BOOK, PUBLISHER);

        assertThat(compilation).hadErrorContaining(Message.UNKNOWN_MAPPED_BY.format("ErroneousAuthor", "books",
                        "autor", "Book", " (did you mean \"author\"?)", "Book", "ErroneousAuthor", "author"))
                .inFile(author).onLineContaining("mappedBy = \"autor\"");
        assertThat(compilation).hadErrorContaining("has no such relationship (did you mean \"author\"?)");
    }

    @Test
    void mappedByNamingARelationshipToAnotherEntity() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(
                            mappedBy = "publisher")
                    List<Book> books;
                }
                """);

        Compilation compilation = compile(author, BOOK, PUBLISHER);

        assertThat(compilation).hadErrorContaining(Message.MAPPED_BY_WRONG_TARGET.format("ErroneousAuthor", "books",
                        "publisher", "Book", "publisher", "test.Publisher", "ErroneousAuthor"))
                .inFile(author).onLineContaining("mappedBy = \"publisher\"");
        assertThat(compilation).hadErrorContaining("but Book.publisher points at test.Publisher, not ErroneousAuthor");
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
    }

    @Test
    void mappedByNamingARelationshipWithoutJoinColumn() {
        // Each side names the other with mappedBy: neither owns the foreign key, and both are reported.
        JavaFileObject person = entity("ErroneousPerson", """
                @Entity
                public class ErroneousPerson {
                    @Id long id;
                    @Relationship(
                            mappedBy = "owner")
                    ErroneousPassport passport;
                }
                """);
        JavaFileObject passport = entity("ErroneousPassport", """
                @Entity
                public class ErroneousPassport {
                    @Id long id;
                    @Relationship(
                            mappedBy = "passport")
                    ErroneousPerson owner;
                }
                """);

        Compilation compilation = compile(person, passport);

        assertThat(compilation).hadErrorContaining(Message.MAPPED_BY_NOT_OWNING.format("ErroneousPerson", "passport",
                        "owner", "ErroneousPassport", "owner"))
                .inFile(person).onLineContaining("mappedBy = \"owner\"");
        assertThat(compilation).hadErrorContaining(
                "but ErroneousPassport.owner does not own a foreign key (it has no joinColumn)");
        assertThat(generatedFor(compilation, "test.ErroneousPerson")).isEmpty();
    }
}
