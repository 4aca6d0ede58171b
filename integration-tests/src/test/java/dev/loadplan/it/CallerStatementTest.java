package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.Book;
import dev.loadplan.it.library.BookLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A caller's own statement routed into the graph, as SQLAlchemy's contains_eager. */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class CallerStatementTest {

    private static final String ANN_BOOKS_BUT_THE_SECOND = """
            SELECT {columns}
            FROM authors
            JOIN books ON books.author_id = authors.id
            WHERE books.title <> :skip
            ORDER BY authors.id, books.id""";

    @BeforeAll
    static void data(Jdbi jdbi) {
        LibraryData.small(jdbi);
    }

    @Test
    void theCallersJoinFillsTheContainedCollectionInOneStatement(Jdbi jdbi, StatementCounter counter) {
        List<Author> authors = AuthorLoader.fromSql(ANN_BOOKS_BUT_THE_SECOND)
                .containsBooks()
                .bind("skip", "Ann 2")
                .list(jdbi);

        assertThat(counter.count()).isEqualTo(1);
        // The collection holds what the caller's statement returned: filtered by its WHERE, inner-joined.
        assertThat(LibraryData.authorValues(authors)).isEqualTo(List.of(
                List.of(1L, "Ann", List.of(List.of(10L, "Ann 1", "1"), List.of(13L, "Ann 3", "1"))),
                List.of(3L, "Cid", List.of(List.of(11L, "Cid 1", "3")))));
    }

    @Test
    void loadplanWritesTheColumnsAndTheValueTravelsAsABindParameter(StatementCounter counter, Jdbi jdbi) {
        AuthorLoader.Plan plan = AuthorLoader.fromSql(ANN_BOOKS_BUT_THE_SECOND).containsBooks().bind("skip", "x");

        assertThat(plan.sql()).containsExactly("""
                SELECT authors.id, authors.name, books.id, books.title, books.author_id
                FROM authors
                JOIN books ON books.author_id = authors.id
                WHERE books.title <> :skip
                ORDER BY authors.id, books.id""");
        plan.list(jdbi);
        assertThat(counter.statements().get(0)).contains("WHERE books.title <> ?").doesNotContain("'x'");
    }

    @Test
    void aContainedRelationCanHaveAnAliasOfTheCallersChoice(Jdbi jdbi) {
        List<Author> authors = AuthorLoader.fromSql("""
                        SELECT {columns}
                        FROM authors
                        LEFT JOIN books b ON b.author_id = authors.id
                        ORDER BY authors.id, b.id DESC""")
                .containsBooks("b")
                .list(jdbi);

        assertThat(authors).extracting(Author::name).containsExactly("Ann", "Bob", "Cid");
        // Children keep the order of the caller's rows; an author with no row has an empty collection.
        assertThat(authors.get(0).books()).extracting(Book::id).containsExactly(13L, 12L, 10L);
        assertThat(authors.get(1).books()).isEmpty();
    }

    @Test
    void aManyToOneIsContainedToo(Jdbi jdbi) {
        List<Book> books = BookLoader.fromSql("""
                        SELECT {columns}
                        FROM books
                        JOIN authors ON authors.id = books.author_id
                        WHERE authors.name = :name
                        ORDER BY books.id""")
                .containsAuthor()
                .bind("name", "Ann")
                .list(jdbi);

        assertThat(books).extracting(Book::id).containsExactly(10L, 12L, 13L);
        assertThat(books).allSatisfy(book -> assertThat(book.author()).isSameAs(books.get(0).author()));
    }

    @Test
    void otherLinksLoadAfterTheCallersStatement(Jdbi jdbi, StatementCounter counter) {
        List<Book> books = BookLoader.fromSql("SELECT {columns} FROM books WHERE books.title LIKE :t ORDER BY books.id")
                .bind("t", "Ann%")
                .withAuthorSelectIn()
                .list(jdbi);

        assertThat(counter.count()).isEqualTo(2);
        assertThat(books).extracting(book -> book.author().name()).containsOnly("Ann");
    }

    @Test
    void aStatementWithoutTheColumnsPlaceholderIsRejected() {
        assertThatThrownBy(() -> AuthorLoader.fromSql("SELECT * FROM authors"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fromSql needs {columns} where the select list goes");
    }

    @Test
    void shapingAndJoiningIntoTheCallersStatementAreRejected() {
        AuthorLoader.Plan plan = AuthorLoader.fromSql("SELECT {columns} FROM authors");

        assertThatThrownBy(() -> plan.where("authors.id = 1"))
                .isInstanceOf(LoadPlanException.class)
                .hasMessageContaining("where does not apply to a plan from the caller's own statement");
        assertThatThrownBy(() -> plan.withBooksJoined().sql())
                .isInstanceOf(LoadPlanException.class)
                .hasMessageContaining("Author.books cannot be JOINED into the caller's own statement")
                .hasMessageContaining("containsBooks()");
        assertThatThrownBy(() -> plan.withBooksSubquery().sql())
                .isInstanceOf(LoadPlanException.class)
                .hasMessageContaining("Author.books cannot be a SUBQUERY here");
    }
}
