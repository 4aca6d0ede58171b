package dev.loadplan.it;

import static dev.loadplan.it.library.LibraryData.authorValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import dev.loadplan.it.support.StatementCounter.Counted;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Author.books, one-to-many, loaded each way from real PostgreSQL. */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class AuthorBooksLoadingTest {

    /** Ann's books in id order, Bob's none, Cid's one: what every strategy must return. */
    private static final List<List<Object>> EXPECTED = List.of(
            List.of(1L, "Ann", List.of(List.of(10L, "Ann 1", "1"), List.of(12L, "Ann 2", "1"),
                    List.of(13L, "Ann 3", "1"))),
            List.of(2L, "Bob", List.of()),
            List.of(3L, "Cid", List.of(List.of(11L, "Cid 1", "3"))));

    @BeforeAll
    static void data(Jdbi jdbi) {
        LibraryData.small(jdbi);
    }

    @Test
    void joinedLoadsAuthorsAndBooksInOneStatement(Jdbi jdbi, StatementCounter counter) {
        Counted<List<Author>> load = counter.measure(() -> AuthorLoader.withBooksJoined().list(jdbi));

        assertThat(load.count()).isEqualTo(1);
        assertThat(load.statements()).containsExactly(AuthorLoader.BOOKS_JOINED);
        assertThat(authorValues(load.value())).isEqualTo(EXPECTED);
    }

    @Test
    void selectInLoadsBooksInASecondStatement(Jdbi jdbi, StatementCounter counter) {
        Counted<List<Author>> load = counter.measure(() -> AuthorLoader.withBooksSelectIn().list(jdbi));

        assertThat(load.count()).isEqualTo(2);
        assertThat(load.statements()).containsExactly(AuthorLoader.PLAIN, AuthorLoader.BOOKS_SELECT_IN);
        assertThat(authorValues(load.value())).isEqualTo(EXPECTED);
    }

    @Test
    void subqueryLoadsBooksInASecondStatement(Jdbi jdbi, StatementCounter counter) {
        Counted<List<Author>> load = counter.measure(() -> AuthorLoader.withBooksSubquery().list(jdbi));

        assertThat(load.count()).isEqualTo(2);
        assertThat(load.statements()).containsExactly(AuthorLoader.PLAIN, AuthorLoader.BOOKS_SUBQUERY);
        assertThat(authorValues(load.value())).isEqualTo(EXPECTED);
    }

    @Test
    void everyStrategyReturnsTheSameGraph(Jdbi jdbi) {
        List<List<Object>> joined = authorValues(AuthorLoader.withBooksJoined().list(jdbi));
        List<List<Object>> selectIn = authorValues(AuthorLoader.withBooksSelectIn().list(jdbi));
        List<List<Object>> subquery = authorValues(AuthorLoader.withBooksSubquery().list(jdbi));
        List<List<Object>> nested = authorValues(AuthorLoader.withBooksNested().list(jdbi));

        assertThat(selectIn).isEqualTo(joined);
        assertThat(subquery).isEqualTo(joined);
        assertThat(nested).isEqualTo(joined);
    }

    @Test
    void anAuthorWithoutBooksGetsAnEmptyListNotNull(Jdbi jdbi) {
        for (AuthorLoader.Plan plan : List.of(AuthorLoader.withBooksJoined(), AuthorLoader.withBooksNested(),
                AuthorLoader.withBooksSelectIn(), AuthorLoader.withBooksSubquery())) {
            Author bob = plan.list(jdbi).get(1);
            assertThat(bob.name()).isEqualTo("Bob");
            assertThat(bob.books()).as("books of Bob with %s", plan.sql()).isNotNull().isEmpty();
        }
    }

    @Test
    void eachBookBelongsToTheAuthorThatLoadedIt(Jdbi jdbi) {
        for (Author author : AuthorLoader.withBooksSelectIn().list(jdbi)) {
            assertThat(author.books()).allSatisfy(book -> assertThat(book.authorId()).isEqualTo(author.id()));
        }
    }

    @Test
    void sqlListsTheGeneratedConstantsInOrder() {
        assertThat(AuthorLoader.plain().sql()).containsExactly(AuthorLoader.PLAIN);
        assertThat(AuthorLoader.withBooksJoined().sql()).containsExactly(AuthorLoader.BOOKS_JOINED);
        assertThat(AuthorLoader.withBooksNested().sql()).containsExactly(AuthorLoader.BOOKS_NESTED);
        assertThat(AuthorLoader.withBooksSelectIn().sql())
                .containsExactly(AuthorLoader.PLAIN, AuthorLoader.BOOKS_SELECT_IN);
        assertThat(AuthorLoader.withBooksSubquery().sql())
                .containsExactly(AuthorLoader.PLAIN, AuthorLoader.BOOKS_SUBQUERY);
    }

    @Test
    void selectInBindsTheKeysAsOneArrayParameter() {
        assertThat(AuthorLoader.BOOKS_SELECT_IN).contains("= ANY(?)").doesNotContain("IN (");
    }

    @Test
    void findByIdLoadsOneAuthorWithBooks(Jdbi jdbi, StatementCounter counter) {
        for (AuthorLoader.Plan plan : List.of(AuthorLoader.withBooksJoined(), AuthorLoader.withBooksNested(),
                AuthorLoader.withBooksSelectIn(), AuthorLoader.withBooksSubquery())) {
            counter.reset();
            Author ann = jdbi.withHandle(handle -> plan.findById(handle, 1L)).orElseThrow();

            assertThat(LibraryData.values(ann)).isEqualTo(EXPECTED.get(0));
            assertThat(counter.count()).isEqualTo(plan.sql().size());
        }
        assertThat(AuthorLoader.withBooksSelectIn().findById(jdbi, 99L)).isEmpty();
    }

    @Test
    void plainLoadsAuthorsOnly(Jdbi jdbi, StatementCounter counter) {
        List<Author> authors = AuthorLoader.plain().list(jdbi);

        assertThat(authors).extracting(Author::name).containsExactly("Ann", "Bob", "Cid");
        assertThat(counter.count()).isEqualTo(1);
        // Not declared otherwise, a relationship the plan does not name is RAISE: reading it fails loudly.
        assertThatThrownBy(() -> authors.get(0).books().size())
                .isInstanceOf(RelationshipNotLoadedException.class)
                .hasMessage("Author.books was not loaded by this plan; load it with AuthorLoader.withBooksJoined(), "
                        + "withBooksNested(), withBooksSelectIn(), withBooksSubquery(), withBooksLazy(), "
                        + "withBooksImmediate()");
    }
}
