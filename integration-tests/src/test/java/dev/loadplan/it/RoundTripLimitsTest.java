package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.loadplan.StatementFailedException;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.BookLoader;
import dev.loadplan.it.support.DatabaseUrl;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import dev.loadplan.it.support.WireRoundTrips;
import java.net.URI;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.util.PSQLException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A round trip carries at most 64 statements: the driver writes them all before it reads a result, and what it writes
 * must fit in the sockets' buffers while the server, writing the first statement's rows, reads no more. IMMEDIATE
 * for 150 authors runs 150 statements after the root's: in three round trips of 64, 64 and 22, the last carrying
 * COMMIT, each statement still run and read once, in the order of the keys.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class RoundTripLimitsTest {

    private static final int AUTHORS = 150;

    @BeforeAll
    static void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into authors (id, name) select g, 'author ' || g from generate_series(1, "
                    + AUTHORS + ") g");
            handle.execute("insert into books (id, author_id, title) select g, g, 'book ' || g from "
                    + "generate_series(1, " + AUTHORS + ") g");
        });
    }

    /**
     * A failure in a later round trip of a level names its statements too: author 100's statement, in the second
     * round trip of 64, divides by zero. In the caller's transaction, which loadplan may not roll back to find out,
     * the failure names the statements sent with the one JDBI ran, rather than that one alone.
     */
    @Test
    void aFailureInALaterRoundTripOfALevelNamesItsStatements(Jdbi jdbi) {
        try (Handle handle = jdbi.open()) {
            handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
            handle.begin();
            Throwable failure = catchThrowable(() -> AuthorLoader.withBooksImmediate(BookLoader.plain()
                    .where("1 / (books.id - 100) <> 0")).list(handle));
            handle.rollback();

            assertThat(failure).isInstanceOf(StatementFailedException.class)
                    .hasMessageStartingWith("loading Author.books (IMMEDIATE) or a statement sent with it in one "
                            + "round trip (Author.books (IMMEDIATE), ")
                    .hasMessageEndingWith("PostgreSQL does not say which: ERROR: division by zero")
                    .hasCauseInstanceOf(PSQLException.class);
        }
    }

    @Test
    void moreStatementsThanARoundTripCarriesGoInSeveral(Jdbi jdbi, StatementCounter counter) throws Exception {
        URI database = URI.create(DatabaseUrl.of(jdbi).substring("jdbc:".length()));
        try (WireRoundTrips wire = new WireRoundTrips(database.getHost(), database.getPort());
                Handle handle = Jdbi.create("jdbc:postgresql://localhost:" + wire.port() + database.getPath(),
                        "postgres", "").open()) {
            AuthorLoader.plain().list(handle);
            wire.reset();

            List<Author> authors = AuthorLoader.withBooksImmediate().list(handle);

            assertThat(wire.count()).as("round trips: the root's, then 150 statements in 64, 64 and 22")
                    .isEqualTo(1 + 3);
            assertThat(authors).hasSize(AUTHORS).allSatisfy(author -> assertThat(author.books())
                    .singleElement().extracting(book -> book.title()).isEqualTo("book " + author.id()));
            assertThat(handle.isInTransaction()).as("the plan's transaction, over").isFalse();
        }
        counter.reset();
        List<Author> counted = counter.measure(() -> AuthorLoader.withBooksImmediate().list(jdbi)).value();
        assertThat(counted).hasSize(AUTHORS);
        assertThat(counter.statements()).as("the root's statement, then one per author, in the order of their keys")
                .hasSize(1 + AUTHORS).containsOnly(AuthorLoader.PLAIN, AuthorLoader.BOOKS_PER_PARENT);
    }
}
