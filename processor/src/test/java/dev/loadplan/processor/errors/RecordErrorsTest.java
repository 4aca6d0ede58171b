package dev.loadplan.processor.errors;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.loadplan.processor.diagnostics.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Records are built after what they hold: what their declarations must say so they can be. */
class RecordErrorsTest {

    @Test
    void recordsMayDeclareBothDirections() {
        // A plan that would need each to hold the other is refused when it is built, not the declarations.
        JavaFileObject author = entity("Author", """
                @Entity
                public record Author(
                        @Id long id,
                        @Relationship(mappedBy = "author") List<Book> books) {
                }
                """);
        JavaFileObject book = entity("Book", """
                @Entity
                public record Book(
                        @Id long id,
                        @Relationship(joinColumn = "author_id") Ref<Author> author) {
                }
                """);
        JavaFileObject node = entity("Node", """
                @Entity
                public record Node(
                        @Id long id,
                        @Relationship(joinColumn = "parent_id") Ref<Node> parent,
                        @Relationship(mappedBy = "parent") List<Node> children) {
                }
                """);

        assertThat(compile(author, book, node)).succeededWithoutWarnings();
    }

    @Test
    void aRecordWithTwoReferencesToItsOwnKindIsNoCycle() {
        JavaFileObject person = entity("Person", """
                @Entity
                public record Person(
                        @Id long id,
                        String name,
                        @Relationship(joinColumn = "mother_id") Person mother,
                        @Relationship(joinColumn = "father_id") Person father) {
                }
                """);

        assertThat(compile(person)).succeededWithoutWarnings();
    }

    @Test
    void aTreeOfRecordsAndOneDirectionCompile() {
        JavaFileObject node = entity("Node", """
                @Entity
                public record Node(
                        @Id long id,
                        @Column("parent_id") Long parentId,
                        @Relationship(joinColumn = "parent_id") List<Node> children) {
                }
                """);
        JavaFileObject author = entity("Author", """
                @Entity
                public record Author(@Id long id, String name,
                        @Relationship(joinColumn = "author_id", orderBy = "title") List<Book> books) {
                }
                """);
        JavaFileObject book = entity("Book", """
                @Entity
                public record Book(@Id long id, String title, @Column("author_id") Long authorId) {
                }
                """);

        assertThat(compile(node, author, book)).succeededWithoutWarnings();
    }

    @Test
    void aOneToManyByJoinColumnNeedsTheTargetToMapIt() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(
                            joinColumn = "author_id")
                    List<Book> books;
                }
                """);
        JavaFileObject book = entity("Book", """
                @Entity
                public class Book {
                    @Id long id;
                    String title;
                }
                """);

        Compilation compilation = compile(author, book);

        assertThat(compilation).hadErrorContaining(Message.JOIN_COLUMN_NOT_MAPPED.format("ErroneousAuthor", "books",
                        "book", "author_id", "Book", "author_id", "Long", "Book"))
                .inFile(author).onLineContaining("joinColumn = \"author_id\")");
    }
}
