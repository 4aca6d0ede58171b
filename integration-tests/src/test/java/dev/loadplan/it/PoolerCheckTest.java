package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.PoolerCheck;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorDao;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * What the pooler check costs on a direct connection, where it finds no pooler: one question per physical connection,
 * before its first load or write, and none where the driver names no statement or the check is off. (Through
 * PgBouncer, {@code PgBouncerTest} shows what it finds.) At {@link PoolerCheck#FAIL}, which asks as WARN does.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class PoolerCheckTest {

    @BeforeEach
    void data(Jdbi jdbi, StatementCounter counter) {
        LibraryData.large(jdbi, 20, 3);
        // The data's keys are explicit; a DAO insert takes the next of the sequence.
        jdbi.useHandle(handle -> handle.execute("select setval('authors_id_seq', 1000)"));
        jdbi.getConfig(LoadPlanConfig.class).setPoolerCheck(PoolerCheck.FAIL);
        counter.reset();
    }

    @AfterEach
    void defaults(Jdbi jdbi) {
        jdbi.getConfig(LoadPlanConfig.class).setPoolerCheck(PoolerCheck.WARN);
        jdbi.useHandle(handle -> handle.execute("truncate books, authors restart identity"));
    }

    @Test
    void aConnectionIsAskedOnceBeforeItsFirstLoadWhateverRunsOnItAfter(Jdbi jdbi, StatementCounter counter) {
        try (Handle handle = jdbi.open()) {
            List<Author> authors = AuthorLoader.withBooksLazy().list(handle);
            assertThat(counter.poolerProbes()).isOne();
            authors.get(0).books().size();
            assertThat(AuthorLoader.withBooksSelectIn().list(handle)).hasSize(20);
            try (Stream<Author> streamed = AuthorLoader.withBooksSelectIn().stream(handle, 7)) {
                assertThat(streamed.count()).isEqualTo(20);
            }
            AuthorDao.on(handle).insert(new Author("Written"));
            assertThat(AuthorDao.on(handle).count()).isEqualTo(21);
        }
        assertThat(counter.poolerProbes()).as("one connection, asked once").isOne();
        // The lazy plan's 1 and its read's 1, SELECT_IN's 2, the stream's root and 3 batches of 7, the insert, the count.
        assertThat(counter.count()).as("the statements counted are the loads' and the writes'").isEqualTo(10);
    }

    @Test
    void eachNewConnectionIsAskedAtItsFirstLoad(Jdbi jdbi, StatementCounter counter) {
        // The tests' DataSource pools nothing: each load through the Jdbi opens a connection of its own.
        for (int load = 0; load < 3; load++) {
            assertThat(AuthorLoader.plain().list(jdbi)).hasSize(20);
        }
        assertThat(counter.poolerProbes()).isEqualTo(3);
    }

    @Test
    void aConnectionOnWhichTheDriverNamesNoStatementIsNotAsked(Jdbi jdbi, StatementCounter counter)
            throws SQLException {
        try (Handle handle = jdbi.open()) {
            handle.getConnection().unwrap(PGConnection.class).setPrepareThreshold(0);
            assertThat(AuthorLoader.withBooksSelectIn().list(handle)).hasSize(20);
        }
        assertThat(counter.poolerProbes()).isZero();
    }

    @Test
    void offAsksNothing(Jdbi jdbi, StatementCounter counter) {
        jdbi.getConfig(LoadPlanConfig.class).setPoolerCheck(PoolerCheck.OFF);
        assertThat(AuthorLoader.withBooksSelectIn().list(jdbi)).hasSize(20);
        AuthorDao.on(jdbi).insert(new Author("Written"));
        assertThat(counter.poolerProbes()).isZero();
    }
}
