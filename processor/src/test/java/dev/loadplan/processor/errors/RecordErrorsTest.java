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

/** Records are built after what they hold, so they cannot hold each other. */
class RecordErrorsTest {

    @Test
    void recordsThatHoldEachOtherAreACycle() {
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public record ErroneousAuthor(
                        @Id long id,
                        @Relationship(mappedBy = "author") List<ErroneousBook> books) {
                }
                """);
        JavaFileObject book = entity("ErroneousBook", """
                @Entity
                public record ErroneousBook(
                        @Id long id,
                        @Relationship(joinColumn = "author_id") ErroneousAuthor author) {
                }
                """);

        Compilation compilation = compile(author, book);

        assertThat(compilation).hadErrorContaining(Message.RECORD_CYCLE.format("ErroneousAuthor and ErroneousBook",
                        "ErroneousAuthor.books -> ErroneousBook.author -> ErroneousAuthor"))
                .inFile(author).onLineContaining("List<ErroneousBook> books");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void aRecordWithParentAndChildrenIsACycleOfItsOwn() {
        JavaFileObject node = entity("ErroneousNode", """
                @Entity
                public record ErroneousNode(
                        @Id long id,
                        @Relationship(joinColumn = "parent_id") Ref<ErroneousNode> parent,
                        @Relationship(mappedBy = "parent") List<ErroneousNode> children) {
                }
                """);

        Compilation compilation = compile(node);

        assertThat(compilation).hadErrorContaining("records ErroneousNode hold each other "
                + "(ErroneousNode.parent -> ErroneousNode.children -> ErroneousNode)")
                .inFile(node).onLineContaining("Ref<ErroneousNode> parent");
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
