package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loadplan.ConnectionUnavailableException;
import dev.loadplan.LoadPlanConfig;
import dev.loadplan.LoadPlanException;
import dev.loadplan.LoadRefusedException;
import dev.loadplan.PoolerCheck;
import dev.loadplan.SnapshotCheck;
import dev.loadplan.StatementFailedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/**
 * The subtypes of {@link LoadPlanException} a caller can catch, each made to happen on the real database, with its
 * fields and its message, which is the one {@code LoadPlanException} had before the subtypes: a statement that failed
 * ({@link StatementFailedException}: the relationship, its strategy, the SQL the driver got, the SQLState), a load
 * refused before it ran ({@link LoadRefusedException}: why) and a connection that could not be had or failed outside
 * a statement ({@link ConnectionUnavailableException}: the SQLState). Each test that breaks the schema does it in a
 * transaction it rolls back.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class FailureTypesTest {

    /** PostgreSQL's undefined_table. */
    private static final String UNDEFINED_TABLE = "42P01";
    /** PostgreSQL's undefined_column. */
    private static final String UNDEFINED_COLUMN = "42703";

    @BeforeEach
    void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("truncate books, authors");
            handle.execute("insert into authors (id, name) values (1, 'Ann'), (2, 'Bob')");
            handle.execute("insert into books (id, author_id, title) values (10, 1, 'Ann 1'), (20, 2, 'Bob 1')");
        });
    }

    @Test
    void aFailingStepCarriesItsRelationshipStrategySqlAndSqlState(Jdbi jdbi, StatementCounter counter) {
        inTransaction(jdbi, handle -> {
            String stepSql = ranSql(counter, () -> AuthorLoader.withBooksSelectIn().list(handle)).get(1);
            handle.execute("alter table books rename to books_gone");

            StatementFailedException failure = catchThrowableOfType(StatementFailedException.class,
                    () -> AuthorLoader.withBooksSelectIn().list(handle));

            assertThat(failure).hasMessageStartingWith("loading Author.books (SELECT_IN) failed: ERROR: relation "
                    + "\"books\" does not exist").hasCauseInstanceOf(PSQLException.class);
            assertStatement(failure, "Author.books", Strategy.SELECT_IN, stepSql, UNDEFINED_TABLE);
            assertThat(failure.sql()).contains("= ANY(?)");
        });
    }

    @Test
    void aFailingFirstStatementHasNoRelationship(Jdbi jdbi, StatementCounter counter) {
        inTransaction(jdbi, handle -> {
            String rootSql = ranSql(counter, () -> AuthorLoader.withBooksJoined().findById(handle, 1L)).get(0);
            handle.execute("alter table authors rename column name to full_name");

            StatementFailedException failure = catchThrowableOfType(StatementFailedException.class,
                    () -> AuthorLoader.withBooksJoined().findById(handle, 1L));

            assertThat(failure).hasMessageStartingWith("loading Author (the plan's first statement) failed: ERROR: "
                    + "column authors.name does not exist");
            assertThat(failure.relationship()).as("the plan's first statement loads no relationship").isNull();
            assertThat(failure.strategy()).isNull();
            assertThat(failure.sql()).isEqualTo(rootSql);
            assertThat(failure.sqlState()).isEqualTo(UNDEFINED_COLUMN);
        });
    }

    @Test
    void theCallersOwnSqlIsCarriedAsTheDriverGotIt(Jdbi jdbi, StatementCounter counter) {
        String sql = "SELECT {columns} FROM authors WHERE authors.nickname = :n";
        inTransaction(jdbi, handle -> {
            handle.execute("alter table authors add column nickname text");
            String rootSql = ranSql(counter, () -> AuthorLoader.fromSql(sql).bind("n", "Ann").list(handle)).get(0);
            handle.execute("alter table authors drop column nickname");

            StatementFailedException failure = catchThrowableOfType(StatementFailedException.class,
                    () -> AuthorLoader.fromSql(sql).bind("n", "Ann").withBooksSelectIn().list(handle));

            assertThat(failure).hasMessageStartingWith("loading Author (the plan's first statement) failed: ERROR: "
                    + "column authors.nickname does not exist");
            assertThat(failure.sql()).as("JDBI's named value is a ? for the driver").isEqualTo(rootSql)
                    .endsWith("WHERE authors.nickname = ?");
            assertThat(failure.relationship()).isNull();
            assertThat(failure.sqlState()).isEqualTo(UNDEFINED_COLUMN);
        });
    }

    @Test
    void aFailingLazyReadIsItsRelationshipLoadedLazily(Jdbi jdbi, StatementCounter counter) {
        inTransaction(jdbi, handle -> {
            List<Author> authors = AuthorLoader.withBooksLazy().list(handle);
            String lazySql = ranSql(counter, () -> authors.get(0).books().size()).get(0);
            handle.execute("alter table books rename column title to name");

            StatementFailedException failure = catchThrowableOfType(StatementFailedException.class,
                    () -> authors.get(1).books().size());

            assertThat(failure).hasMessageStartingWith("loading Author.books (LAZY) failed: ERROR: column books.title "
                    + "does not exist");
            assertStatement(failure, "Author.books", Strategy.LAZY, lazySql, UNDEFINED_COLUMN);
        });
    }

    @Test
    void aStreamWhoseRowsCannotBeReadNamesItsFirstStatement(Jdbi jdbi, StatementCounter counter) {
        inTransaction(jdbi, handle -> {
            // Read in key order from the index, Bob's row is computed, and divides by zero, only when the stream
            // fetches past Ann's: the statement ran, and its second row cannot be read.
            handle.execute("set local enable_sort = off");
            counter.reset();
            try (Stream<Author> authors = AuthorLoader.plain().where("1 / (authors.id - 2) <> 0").stream(handle, 1)) {
                StatementFailedException failure = catchThrowableOfType(StatementFailedException.class,
                        authors::toList);

                assertThat(failure).hasMessage("loading Author (the plan's first statement) failed: ERROR: division "
                        + "by zero").hasCauseInstanceOf(PSQLException.class);
                assertThat(failure.relationship()).isNull();
                assertThat(failure.strategy()).isNull();
                assertThat(failure.sql()).as("the statement that ran, before its rows failed")
                        .isEqualTo(counter.statements().get(0)).contains("1 / (authors.id - 2) <> 0");
                assertThat(failure.sqlState()).as("division_by_zero").isEqualTo("22012");
            }
        });
    }

    @Test
    void aFailingStepOfAStreamBatchCarriesItsRelationship(Jdbi jdbi, StatementCounter counter) {
        inTransaction(jdbi, handle -> {
            String stepSql = ranSql(counter, () -> {
                try (Stream<Author> authors = AuthorLoader.withBooksImmediate().stream(handle, 1)) {
                    authors.toList();
                }
            }).get(1);
            handle.execute("alter table books rename column title to name");
            try (Stream<Author> authors = AuthorLoader.withBooksImmediate().stream(handle, 1)) {
                StatementFailedException failure = catchThrowableOfType(StatementFailedException.class,
                        authors::toList);

                assertThat(failure).hasMessageStartingWith("loading Author.books (IMMEDIATE) failed: ERROR: column "
                        + "books.title does not exist");
                assertStatement(failure, "Author.books", Strategy.IMMEDIATE, stepSql, UNDEFINED_COLUMN);
            }
        });
    }

    @Test
    void aTornSnapshotIsRefusedBeforeAnyStatement(Jdbi jdbi, StatementCounter counter) {
        inTransaction(jdbi, handle -> {
            handle.getConfig(LoadPlanConfig.class).setSnapshotCheck(SnapshotCheck.FAIL);
            counter.reset();

            LoadRefusedException refused = catchThrowableOfType(LoadRefusedException.class,
                    () -> AuthorLoader.withBooksSubquery().list(handle));

            assertThat(refused).hasMessageStartingWith("Author's plan (Author.books SUBQUERY) runs its statements in "
                    + "your transaction at READ COMMITTED").hasMessageContaining("nothing of it ran").hasNoCause();
            assertThat(refused.reason()).isEqualTo(LoadRefusedException.Reason.TORN_SNAPSHOT);
            assertThat(counter.count()).isZero();
        });
    }

    @Test
    void aPlanThatCannotStreamIsRefused(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            LoadRefusedException refused = catchThrowableOfType(LoadRefusedException.class,
                    () -> AuthorLoader.withBooksSubquery().stream(handle));

            assertThat(refused).hasMessage("this plan of Author cannot stream: Author.books (SUBQUERY) repeats the "
                    + "root statement as a subquery, so each batch would load the children of every root: load it "
                    + "SELECT_IN, which binds the keys of the batch");
            assertThat(refused.reason()).isEqualTo(LoadRefusedException.Reason.NOT_STREAMABLE);
        });
    }

    /**
     * Pgjdbc names the pooler check's question {@code S_1}, the first name it gives on a connection, at
     * {@code prepareThreshold=1}; taken already on the server, as it is when a pooler moved the connection to a
     * server connection another client named statements on, the name tells the check it is behind a pooler.
     * (Through a real PgBouncer, {@code PgBouncerTest} is refused the same way.)
     */
    @Test
    void aPooledConnectionIsRefusedBeforeAnyStatement(Jdbi jdbi, StatementCounter counter) throws SQLException {
        try (Handle handle = jdbi.open()) {
            handle.execute("prepare \"S_1\" as select 1");
            handle.getConnection().unwrap(PGConnection.class).setPrepareThreshold(1);
            handle.getConfig(LoadPlanConfig.class).setPoolerCheck(PoolerCheck.FAIL);
            counter.reset();

            LoadRefusedException refused = catchThrowableOfType(LoadRefusedException.class,
                    () -> AuthorLoader.withBooksSelectIn().list(handle));

            assertThat(refused).hasMessageStartingWith("loading Author refused to run: the connection reaches "
                    + "PostgreSQL through a pooler").hasMessageContaining("(prepareThreshold=1)")
                    .hasMessageContaining("Add prepareThreshold=0 to the JDBC URL");
            assertThat(refused.reason()).isEqualTo(LoadRefusedException.Reason.POOLED_CONNECTION);
            assertThat(counter.count()).isZero();
        }
    }

    @Test
    void noConnectionCarriesTheDriversSqlState() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Jdbi nowhere = Jdbi.create("jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere?user=postgres");

        ConnectionUnavailableException failure = catchThrowableOfType(ConnectionUnavailableException.class,
                () -> AuthorLoader.withBooksSelectIn().list(nowhere));

        assertThat(failure).hasMessageStartingWith("loading Author failed: could not get a connection: Connection to "
                + "127.0.0.1:" + closedPort + " refused").hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(failure.sqlState()).as("connection_exception: unable to connect").isEqualTo("08001");
    }

    @Test
    void aConnectionThatDiedOutsideAStatementCarriesTheDriversSqlState(Jdbi jdbi) {
        try (Handle loading = jdbi.open()) {
            int pid = loading.createQuery("select pg_backend_pid()").mapTo(Integer.class).one();
            jdbi.useHandle(admin -> admin.createQuery("select pg_terminate_backend(:pid, 10000)").bind("pid", pid)
                    .mapTo(Boolean.class).one());

            // Its first load asks whether it is pooled (see PoolerCheck; FAIL asks whatever was logged before in the
            // JVM), and meets the error first.
            loading.getConfig(LoadPlanConfig.class).setPoolerCheck(PoolerCheck.FAIL);
            ConnectionUnavailableException asked = catchThrowableOfType(ConnectionUnavailableException.class,
                    () -> AuthorLoader.withBooksSelectIn().list(loading));
            assertThat(asked).hasMessageStartingWith("loading Author failed: could not ask which server process "
                    + "answers its connection: ");
            assertThat(asked.sqlState()).as("admin_shutdown").isEqualTo("57P01");

            ConnectionUnavailableException closed = catchThrowableOfType(ConnectionUnavailableException.class,
                    () -> AuthorLoader.withBooksSelectIn().list(loading));
            assertThat(closed).hasMessage("loading Author failed: its handle cannot say whether it is in a "
                    + "transaction: This connection has been closed.");
            assertThat(closed.sqlState()).as("connection_does_not_exist").isEqualTo("08003");
        }
    }

    /** The SQL of each statement {@code action} ran, as the driver got it. */
    private static List<String> ranSql(StatementCounter counter, Runnable action) {
        counter.reset();
        action.run();
        return counter.statements();
    }

    /** Runs {@code test} in a transaction that is rolled back after it. */
    private static void inTransaction(Jdbi jdbi, Consumer<Handle> test) {
        jdbi.useHandle(handle -> {
            handle.begin();
            try {
                test.accept(handle);
            } finally {
                handle.rollback();
            }
        });
    }

    /** {@code failure} names the statement that failed: its relationship and strategy, its SQL and the SQLState. */
    private static void assertStatement(StatementFailedException failure, String relationship, Strategy strategy,
            String sql, String sqlState) {
        assertThat(failure.relationship()).isEqualTo(relationship);
        assertThat(failure.strategy()).isEqualTo(strategy);
        assertThat(failure.sql()).isEqualTo(sql);
        assertThat(failure.sqlState()).isEqualTo(sqlState);
    }
}
