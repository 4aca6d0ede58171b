package dev.loadplan.processor.errors;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedFor;
import static dev.loadplan.processor.Compilations.generatedText;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.loadplan.processor.diagnostics.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A relationship whose entry point keeping its strategy ({@code with<Field>(<Target>Loader.Plan)}) would have the name
 * of another relationship's entry point: the loader would hold two methods of one name, or overloads meaning
 * different things.
 */
class EntryPointNameErrorsTest {

    private static final JavaFileObject BOOK = entity("Book", """
            @Entity
            public class Book {
                @Id long id;
                @Relationship(joinColumn = "author_id") ErroneousAuthor author;
                @Relationship(joinColumn = "reviewer_id") ErroneousAuthor reviewer;
            }
            """);

    @Test
    void aFieldNamedAsAnotherRelationshipsStrategyEntryPoint() {
        // withBooksLazy(BookLoader.Plan) would be both Author.books's LAZY entry point with a plan below, and
        // the one going down booksLazy keeping its strategy.
        JavaFileObject author = entity("ErroneousAuthor", """
                @Entity
                public class ErroneousAuthor {
                    @Id long id;
                    @Relationship(mappedBy = "author") List<Book> books;
                    @Relationship(mappedBy = "reviewer") List<Book> booksLazy;
                }
                """);

        Compilation compilation = compile(author, BOOK);

        assertThat(compilation).hadErrorContaining(Message.ENTRY_POINT_NAME_TAKEN.format("ErroneousAuthor", "booksLazy",
                        "withBooksLazy", "BookLoader.Plan", "ErroneousAuthor", "books", "LAZY entry point"))
                .inFile(author).onLineContaining("List<Book> booksLazy;");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.ErroneousAuthor")).isEmpty();
    }

    @Test
    void aFieldNamedAsASelfReferentialCollectionsRecursiveEntryPoint() {
        JavaFileObject node = entity("ErroneousNode", """
                @Entity
                public class ErroneousNode {
                    @Id long id;
                    @Relationship(joinColumn = "parent_id") Ref<ErroneousNode> parent;
                    @Relationship(mappedBy = "parent") List<ErroneousNode> children;
                    @Relationship(joinColumn = "mentor_id") Ref<ErroneousNode> mentor;
                    @Relationship(mappedBy = "mentor") List<ErroneousNode> childrenRecursive;
                }
                """);

        Compilation compilation = compile(node);

        assertThat(compilation).hadErrorContaining(Message.ENTRY_POINT_NAME_TAKEN.format("ErroneousNode",
                        "childrenRecursive", "withChildrenRecursive", "ErroneousNodeLoader.Plan", "ErroneousNode",
                        "children", "recursive entry point"))
                .inFile(node).onLineContaining("childrenRecursive;");
    }

    @Test
    void aNameThatNoEntryPointOfTheFieldHasCompiles() {
        // A plain reference has no LAZY entry point, so withAuthorLazy(...) is booksLazy's alone.
        JavaFileObject book = entity("Book", """
                @Entity
                public class Book {
                    @Id long id;
                    @Relationship(joinColumn = "author_id") Author author;
                    @Relationship(joinColumn = "other_id") Author authorLazy;
                }
                """);
        JavaFileObject author = entity("Author", """
                @Entity
                public class Author {
                    @Id long id;
                }
                """);

        Compilation compilation = compile(author, book);

        assertThat(compilation).succeeded();
        assertThat(generatedText(compilation, "test.BookLoader")).get().asString()
                .contains("public static Plan withAuthorLazy(AuthorLoader.Plan authorLazy)")
                .doesNotContain("public static Plan withAuthorLazy()");
    }
}
