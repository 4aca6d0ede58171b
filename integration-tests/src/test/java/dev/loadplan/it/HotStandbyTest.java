package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loadplan.LoadPlanException;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorDao;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.Book;
import dev.loadplan.it.library.BookLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.PrimaryAndStandby;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Loads on a hot standby, as README's "Read replicas" says to run them: every strategy of a relationship, lazy reads,
 * {@code findById} and a stream of 20,000 authors with their 100,000 books give the graph the primary gives; a DAO
 * write fails naming the standby; a write is on the standby as soon as it commits with
 * {@code synchronous_commit = remote_apply}, and may not be without it; a long stream survives a {@code VACUUM} on
 * the primary with {@code hot_standby_feedback = on}, and dies of a conflict with recovery without it.
 *
 * <p>Needs Debian's {@code postgresql} ({@code apt-get install postgresql}; {@code .ci/run} installs it), whose
 * {@code pg_basebackup} zonky's bundle lacks. Without it the test is skipped, unless {@code LOADPLAN_REQUIRE_STANDBY}
 * is set, as CI sets it: then it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotStandbyTest {

    private static final int AUTHORS = 20_000;
    private static final int BOOKS_EACH = 5;

    private PrimaryAndStandby servers;
    private Jdbi primary;
    private Jdbi standby;

    @BeforeAll
    void start() throws Exception {
        Optional<Path> bin = PrimaryAndStandby.debianBinaries();
        if (System.getenv("LOADPLAN_REQUIRE_STANDBY") != null) {
            assertThat(bin).as("Debian's PostgreSQL 14 or newer with pg_basebackup (apt-get install postgresql)")
                    .isPresent();
        }
        assumeTrue(bin.isPresent(), "Debian's postgresql is not installed: apt-get install postgresql");
        servers = PrimaryAndStandby.start(bin.orElseThrow(), jdbi -> {
            jdbi.useHandle(handle -> handle.createScript(resource("schema/authors_books.sql")).execute());
            LibraryData.large(jdbi, AUTHORS, BOOKS_EACH);
            jdbi.useHandle(handle -> {
                // large() gives the authors' keys: move the sequence past them for the DAO's inserts.
                handle.execute("select setval('authors_id_seq', ?)", AUTHORS);
                handle.execute("analyze");
            });
        });
        primary = servers.primary();
        standby = servers.standby();
    }

    @AfterAll
    void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @BeforeEach
    void replayed() throws Exception {
        servers.awaitReplay();
    }

    @Test
    void everyStrategyLazyReadsFindByIdAndStreamsLoadThePrimarysGraph() {
        List<Function<Jdbi, List<?>>> loads = List.of(
                jdbi -> authors(AuthorLoader.withBooksJoined().list(jdbi)),
                jdbi -> authors(AuthorLoader.withBooksNested().list(jdbi)),
                jdbi -> authors(AuthorLoader.withBooksSelectIn().list(jdbi)),
                jdbi -> authors(AuthorLoader.withBooksSubquery().list(jdbi)),
                jdbi -> authors(AuthorLoader.withBooksImmediate().limit(50).list(jdbi)),
                jdbi -> authors(readLazily(AuthorLoader.withBooksLazy().limit(50).list(jdbi))),
                jdbi -> authors(AuthorLoader.withBooksNoLoad().limit(50).list(jdbi)),
                jdbi -> books(BookLoader.withAuthorJoined().where("books.id % 97 = 0").list(jdbi)),
                jdbi -> books(BookLoader.withAuthorSelectIn().where("books.id % 97 = 0").list(jdbi)),
                jdbi -> authors(AuthorLoader.withBooksSelectIn().findById(jdbi, 4_321L).stream().toList()),
                jdbi -> authors(AuthorLoader.withBooksJoined().findById(jdbi, 17L).stream().toList()),
                jdbi -> jdbi.withHandle(handle -> {
                    try (Stream<Author> authors = AuthorLoader.withBooksSelectIn().stream(handle)) {
                        return authors(authors.toList());
                    }
                }));
        for (int i = 0; i < loads.size(); i++) {
            List<?> onPrimary = loads.get(i).apply(primary);
            assertThat(onPrimary).as("load %d on the primary", i).isNotEmpty();
            assertThat(loads.get(i).apply(standby)).as("load %d on the standby", i).isEqualTo(onPrimary);
        }
    }

    @Test
    void pgjdbcsMultiHostUrlSendsReadsToTheStandbyAndWritesToThePrimary() {
        String hosts = "jdbc:postgresql://" + servers.primaryServer() + "," + servers.standbyServer()
                + "/postgres?user=postgres&targetServerType=";
        Jdbi reads = Jdbi.create(hosts + "preferSecondary");
        Jdbi writes = Jdbi.create(hosts + "primary");
        boolean onStandby = reads.withHandle(handle -> handle.select("select pg_is_in_recovery()")
                .mapTo(Boolean.class).one());
        assertThat(onStandby).as("preferSecondary connects to the standby").isTrue();
        assertThat(authors(AuthorLoader.withBooksSelectIn().limit(100).list(reads)))
                .isEqualTo(authors(AuthorLoader.withBooksSelectIn().limit(100).list(writes)));
        assertThatThrownBy(() -> AuthorDao.on(reads).insert(new Author("Hal")))
                .hasMessageContaining("the server " + servers.standbyServer() + " is a hot standby");
        long id = AuthorDao.on(writes).insert(new Author("Hal"));
        assertThat(AuthorLoader.plain().findById(writes, id)).isPresent();
    }

    @Test
    void aDaoWriteOnTheStandbyFailsNamingTheReadOnlyServer() {
        long authors = AuthorDao.on(primary).count();
        String standbyServer = "the server " + servers.standbyServer()
                + " is a hot standby, which is read-only: send writes to the primary: ";
        assertThatThrownBy(() -> AuthorDao.on(standby).insert(new Author("Dee")))
                .isInstanceOf(LoadPlanException.class)
                .hasMessage("insert of Author, whose key the database generates, failed; nothing was written: "
                        + standbyServer + "ERROR: cannot execute INSERT in a read-only transaction")
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("25006"));
        Author first = AuthorLoader.plain().findById(standby, 1L).orElseThrow();
        first.setName("Renamed");
        assertThatThrownBy(() -> AuthorDao.on(standby).update(first))
                .hasMessageStartingWith("update of Author 1 failed; nothing was written: " + standbyServer);
        assertThatThrownBy(() -> AuthorDao.on(standby).insertAll(List.of(new Author("Eve"), new Author("Fay"))))
                .hasMessageContaining(standbyServer + "ERROR: cannot execute INSERT in a read-only transaction");

        // A read-only transaction on the primary is not a standby: the database's words alone.
        primary.useHandle(handle -> {
            handle.begin();
            handle.execute("set transaction read only");
            assertThatThrownBy(() -> AuthorDao.on(handle).insert(new Author("Gus")))
                    .hasMessage("insert of Author, whose key the database generates, failed; nothing was written: "
                            + "ERROR: cannot execute INSERT in a read-only transaction");
            handle.rollback();
        });
        assertThat(AuthorDao.on(primary).count()).isEqualTo(authors);
    }

    @Test
    void aWriteIsOnTheStandbyWhenItCommitsWithRemoteApplyAndMayNotBeWithout() {
        // Replay lag, made certain: the standby receives and flushes the write (so a synchronous commit returns) but
        // applies nothing until resumed. A load on it does not see a write its caller has just committed.
        standby.useHandle(handle -> handle.execute("select pg_wal_replay_pause()"));
        long unseen;
        try {
            unseen = primary.inTransaction(handle -> {
                handle.execute("set local synchronous_commit = on");
                return AuthorDao.on(handle).insert(new Author("Written, not yet applied"));
            });
            assertThat(AuthorLoader.withBooksSelectIn().findById(standby, unseen)).isEmpty();
        } finally {
            standby.useHandle(handle -> handle.execute("select pg_wal_replay_resume()"));
        }

        // README's fix: the commit returns once the standby has applied it, so the next load there sees it.
        long seen = primary.inTransaction(handle -> {
            handle.execute("set local synchronous_commit = remote_apply");
            return AuthorDao.on(handle).insert(new Author("Written and applied"));
        });
        assertThat(AuthorLoader.withBooksSelectIn().findById(standby, seen)).get()
                .extracting(Author::name).isEqualTo("Written and applied");
        assertThat(AuthorLoader.withBooksSelectIn().findById(standby, unseen)).isPresent();
    }

    @Test
    void withFeedbackALongStreamSurvivesAVacuumOnThePrimaryOfRowsItsSnapshotStillReads() throws Exception {
        servers.feedback(true);
        List<List<Object>> before = authors(AuthorLoader.withBooksSelectIn().list(primary));
        List<Author> streamed = new ArrayList<>();
        try (Handle handle = standby.open();
                Stream<Author> authors = AuthorLoader.withBooksSelectIn().stream(handle, 500)) {
            Iterator<Author> reading = authors.iterator();
            streamed.add(reading.next());
            removeBooks(1);
            reading.forEachRemaining(streamed::add);
        }
        assertThat(authors(streamed)).isEqualTo(before);
        assertThat(authors(AuthorLoader.withBooksSelectIn().list(standby)))
                .isEqualTo(authors(AuthorLoader.withBooksSelectIn().list(primary)))
                .isNotEqualTo(before);
    }

    @Test
    void withoutFeedbackALongStreamDiesOfAConflictWithRecovery() throws Exception {
        servers.feedback(false);
        try (Handle handle = standby.open();
                Stream<Author> authors = AuthorLoader.withBooksSelectIn().stream(handle, 500)) {
            Iterator<Author> reading = authors.iterator();
            reading.next();
            removeBooks(2);
            assertThatThrownBy(() -> reading.forEachRemaining(author -> { }))
                    .isInstanceOf(LoadPlanException.class)
                    .hasMessageStartingWith("loading Author (the plan's first statement) failed: ")
                    .hasMessageContaining("FATAL: terminating connection due to conflict with recovery");
        } finally {
            servers.feedback(true);
        }
        // The standby serves the next load: only the stream's connection was ended.
        assertThat(AuthorLoader.withBooksSelectIn().findById(standby, 1L)).isPresent();
    }

    /**
     * Deletes every tenth book (those whose id ends in {@code digit}) on the primary and vacuums them away, without
     * truncating the table (that takes a lock the standby would replay, a conflict feedback does not prevent), then
     * waits until the standby has replayed the vacuum.
     */
    private void removeBooks(int digit) throws Exception {
        primary.useHandle(handle -> handle.execute("delete from books where id % 10 = ?", digit));
        primary.useHandle(handle -> handle.execute("vacuum (truncate false) books"));
        servers.awaitReplay();
    }

    private static List<Author> readLazily(List<Author> authors) {
        authors.forEach(author -> author.books().size());
        return authors;
    }

    private static List<List<Object>> authors(List<Author> authors) {
        return LibraryData.authorValues(authors);
    }

    private static List<List<Object>> books(List<Book> books) {
        return LibraryData.bookValues(books);
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String resource(String path) {
        try (InputStream in = HotStandbyTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
