package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.loadplan.ConnectionUnavailableException;
import dev.loadplan.LoadPlanConfig;
import dev.loadplan.LoadPlanException;
import dev.loadplan.PoolerCheck;
import dev.loadplan.StatementFailedException;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.support.DatabaseUrl;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

/**
 * What a caller gets when the database fails a plan midway: the backend terminated during the root statement,
 * between two statements and during a later one; a statement timeout; a pool closed under a lazy read. Each test
 * asserts the exception names what was loading and keeps the server's own error, that no graph comes back, that
 * nothing is left borrowed or in a transaction, and that the next load works. (A server stopped altogether is
 * {@link ServerStoppedTest}: it needs a server of its own.)
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class FaultInjectionTest {

    /** The server's error when {@code pg_terminate_backend} ends a session: admin_shutdown. */
    private static final String TERMINATED = "57P01";
    private static final String STATEMENT_TIMEOUT = "57014";

    private final ExecutorService loader = Executors.newSingleThreadExecutor();
    private Jdbi jdbi;
    private StatementCounter counter;

    @BeforeEach
    void data(Jdbi jdbi, StatementCounter counter) {
        this.jdbi = jdbi;
        this.counter = counter;
        jdbi.useHandle(handle -> {
            handle.execute("truncate books, authors");
            handle.execute("insert into authors (id, name) values (1, 'Ann'), (2, 'Bob')");
            handle.execute("insert into books (id, author_id, title) values (10, 1, 'Ann 1'), (20, 2, 'Bob 1')");
        });
    }

    @AfterEach
    void stop() {
        counter.afterExecution(null);
        loader.shutdownNow();
    }

    @Test
    void aBackendTerminatedDuringTheRootStatement() throws Exception {
        try (Handle loading = jdbi.open()) {
            Throwable failure = whileLocked("authors", loading, AuthorLoader.withBooksSelectIn()::list,
                    this::terminate);

            assertNamesAndKeeps(failure, StatementFailedException.class,
                    "loading Author (the plan's first statement) failed", TERMINATED);
        }
        assertNothingLeftOpen();
        assertNextLoadWorks();
    }

    @Test
    void aBackendTerminatedBetweenTwoStatements() {
        AtomicBoolean armed = new AtomicBoolean(true);
        try (Handle loading = jdbi.open()) {
            int pid = backendPid(loading);
            counter.afterExecution(sql -> {
                if (sql.startsWith(AuthorLoader.PLAIN) && armed.getAndSet(false)) {
                    terminate(pid);
                }
            });
            Throwable failure = catchThrowable(() -> AuthorLoader.withBooksSelectIn().list(loading));

            assertNamesAndKeeps(failure, StatementFailedException.class, "loading Author.books (SELECT_IN) failed",
                    TERMINATED);
        }
        assertNothingLeftOpen();
        assertNextLoadWorks();
    }

    @Test
    void aBackendTerminatedDuringALaterStatement() throws Exception {
        try (Handle loading = jdbi.open()) {
            Throwable failure = whileLocked("books", loading, AuthorLoader.withBooksSelectIn()::list,
                    this::terminate);

            assertNamesAndKeeps(failure, StatementFailedException.class, "loading Author.books (SELECT_IN) failed",
                    TERMINATED);
        }
        assertNothingLeftOpen();
        assertNextLoadWorks();
    }

    @Test
    void aHandleWhoseBackendWentAwayNamesThePlanAndTheServersError() {
        try (Handle loading = jdbi.open()) {
            // Not asked whether it is pooled, which would meet the error first (FailureTypesTest shows that case).
            loading.getConfig(LoadPlanConfig.class).setPoolerCheck(PoolerCheck.OFF);
            terminate(backendPid(loading));

            Throwable failure = catchThrowable(() -> AuthorLoader.withBooksSelectIn().list(loading));

            // The transaction's BEGIN and isolation ride with the plan's first statement, in one round trip: that
            // statement finds the backend gone.
            assertNamesAndKeeps(failure, StatementFailedException.class, "loading Author (the plan's first statement) "
                    + "failed: ", TERMINATED);
            // The driver knows the connection is closed now: the next load on the handle fails at once, named too.
            assertThat(catchThrowable(() -> AuthorLoader.withBooksSelectIn().list(loading)))
                    .isInstanceOf(ConnectionUnavailableException.class)
                    .hasMessage("loading Author failed: its handle cannot say whether it is in a transaction: This "
                            + "connection has been closed.")
                    .hasRootCauseInstanceOf(PSQLException.class);
        }
        assertNothingLeftOpen();
        assertNextLoadWorks();
    }

    @Test
    void aStatementTimeoutRollsThePlanBackAndLeavesTheHandleUsable() throws Exception {
        try (Handle loading = jdbi.open()) {
            loading.execute("set statement_timeout = '200ms'");
            Throwable failure = whileLocked("books", loading, AuthorLoader.withBooksSelectIn()::list, pid -> { });

            assertNamesAndKeeps(failure, StatementFailedException.class, "loading Author.books (SELECT_IN) failed",
                    STATEMENT_TIMEOUT);
            assertThat(loading.isInTransaction()).as("the plan's transaction, rolled back").isFalse();
            assertThat(AuthorLoader.withBooksSelectIn().list(loading)).as("the same handle's next load").hasSize(2);
        }
        assertNothingLeftOpen();
    }

    @Test
    void aTerminatedBackendInAPoolIsReturnedAndThePoolsNextLoadWorks() throws Exception {
        try (HikariDataSource pool = pool()) {
            Jdbi pooled = Jdbi.create(pool);
            int[] pid = new int[1];
            Throwable failure;
            try (Handle locker = jdbi.open()) {
                locker.begin();
                locker.execute("lock table books in access exclusive mode");
                Future<List<Author>> load = loader.submit(() -> pooled.withHandle(handle -> {
                    pid[0] = backendPid(handle);
                    return AuthorLoader.withBooksSelectIn().list(handle);
                }));
                awaitLockWait(() -> pid[0]);
                terminate(pid[0]);
                failure = outcome(load);
                locker.rollback();
            }

            assertNamesAndKeeps(failure, StatementFailedException.class, "loading Author.books (SELECT_IN) failed",
                    TERMINATED);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections borrowed").isZero();
            assertThat(AuthorLoader.withBooksSelectIn().list(pooled)).as("the pool's next load").hasSize(2);
        }
        assertNothingLeftOpen();
    }

    @Test
    void aLazyReadAfterThePoolClosedNamesTheRelationship() {
        List<Author> authors;
        try (HikariDataSource pool = pool()) {
            authors = AuthorLoader.withBooksLazy().list(Jdbi.create(pool));
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections borrowed").isZero();
        }

        Throwable failure = catchThrowable(() -> authors.get(0).books().size());

        assertThat(failure).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageStartingWith("loading Author.books (LAZY) failed: could not get a connection: ")
                .hasRootCauseInstanceOf(SQLException.class)
                .rootCause().hasMessageContaining("has been closed");
        assertNothingLeftOpen();
    }

    /**
     * Runs {@code load} on {@code loading} in another thread while this test holds {@code table} locked, so the load
     * waits on the lock; once it waits, calls {@code fault} with its backend's pid, then lets the lock go. Returns
     * what the load threw.
     */
    private Throwable whileLocked(String table, Handle loading, Function<Handle, List<Author>> load,
            java.util.function.IntConsumer fault) throws Exception {
        int pid = backendPid(loading);
        try (Handle locker = jdbi.open()) {
            locker.begin();
            locker.execute("lock table " + table + " in access exclusive mode");
            Future<List<Author>> loaded = loader.submit(() -> load.apply(loading));
            awaitLockWait(() -> pid);
            fault.accept(pid);
            Throwable failure = outcome(loaded);
            locker.rollback();
            return failure;
        }
    }

    /** What {@code load} threw; fails the test if it returned a graph instead. */
    private static Throwable outcome(Future<List<Author>> load) throws InterruptedException {
        try {
            List<Author> graph = load.get(30, TimeUnit.SECONDS);
            throw new AssertionError("the load returned a graph: " + graph);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the load did not end", e);
        }
    }

    /**
     * {@code failure} is a {@code type} whose message starts with {@code message} and shows the database's own error,
     * which it keeps in its cause chain and whose {@code sqlState} it carries.
     */
    private static void assertNamesAndKeeps(Throwable failure, Class<? extends LoadPlanException> type, String message,
            String sqlState) {
        assertThat(failure).isInstanceOf(type).hasMessageStartingWith(message);
        PSQLException database = databaseError(failure);
        assertThat((Throwable) database).as("the database's own error, in the cause chain of %s", failure).isNotNull();
        assertThat(database.getSQLState()).as("SQLState of %s", database).isEqualTo(sqlState);
        assertThat(failure.getMessage()).as("the message shows the database's").contains(database.getMessage());
        String carried = failure instanceof StatementFailedException statement ? statement.sqlState()
                : ((ConnectionUnavailableException) failure).sqlState();
        assertThat(carried).as("the SQLState %s carries", type.getSimpleName()).isEqualTo(sqlState);
    }

    private static PSQLException databaseError(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException database) {
                return database;
            }
        }
        return null;
    }

    private static int backendPid(Handle handle) {
        return handle.createQuery("select pg_backend_pid()").mapTo(Integer.class).one();
    }

    /** Ends the session {@code pid} from another one, and waits until it is gone. */
    private void terminate(int pid) {
        jdbi.useHandle(admin -> admin.createQuery("select pg_terminate_backend(:pid, 10000)").bind("pid", pid)
                .mapTo(Boolean.class).one());
    }

    private void awaitLockWait(java.util.function.IntSupplier pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            int backend = pid.getAsInt();
            if (backend != 0 && jdbi.withHandle(admin -> admin.createQuery(
                    "select count(*) from pg_stat_activity where pid = :pid and wait_event_type = 'Lock'")
                    .bind("pid", backend).mapTo(Integer.class).one()) == 1) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the load never waited on the lock");
    }

    /** No session of this database but the asking one is in a transaction. */
    private void assertNothingLeftOpen() {
        int open = jdbi.withHandle(admin -> admin.createQuery("select count(*) from pg_stat_activity "
                + "where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null")
                .mapTo(Integer.class).one());
        assertThat(open).as("sessions left in a transaction").isZero();
    }

    private void assertNextLoadWorks() {
        List<Author> authors = AuthorLoader.withBooksSelectIn().list(jdbi);
        assertThat(authors).extracting(Author::name).containsExactly("Ann", "Bob");
        assertThat(authors.get(0).books()).hasSize(1);
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DatabaseUrl.of(jdbi));
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
