package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.LoadRefusedException;
import dev.loadplan.PoolerCheck;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorDao;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.DatabaseUrl;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StandardError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plans through PgBouncer in transaction pooling mode, with the pgjdbc setting README names for it:
 * {@code prepareThreshold=0}, so the driver never names a server-side prepared statement that the next transaction,
 * on another server connection, would not find (PgBouncer 1.18, Debian 12's, does not track them). Four clients share
 * two server connections, so consecutive transactions of one client land on either; every strategy, lazy reads and
 * streams must load the graph a direct connection loads.
 *
 * <p>Needs Debian's {@code pgbouncer} ({@code apt-get install pgbouncer}; {@code .ci/run} installs it). Without it the
 * test is skipped, unless {@code LOADPLAN_REQUIRE_PGBOUNCER} is set, as CI sets it: then it fails.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBouncerTest {

    private static final Path PGBOUNCER = Path.of("/usr/sbin/pgbouncer");
    /** What README tells users to add to their JDBC URL behind PgBouncer in transaction pooling mode. */
    private static final String README_SETTINGS = "prepareThreshold=0";
    /** Where pgjdbc names statements, at its first run of each: pgjdbc's default names them at the fifth. */
    private static final String NAMED = "prepareThreshold=1";
    private static final List<String> POOLS = List.of("danger", "refused", "warned", "warned_too");

    private Jdbi direct;
    private Path work;
    private Process pgbouncer;
    private String bouncedUrl;
    /** A URL through one of {@link #POOLS}, with settings: {@code poolUrl.formatted(pool, settings)}. */
    private String poolUrl;

    @BeforeAll
    void start(Jdbi jdbi) throws Exception {
        boolean installed = Files.isExecutable(PGBOUNCER);
        if (System.getenv("LOADPLAN_REQUIRE_PGBOUNCER") != null) {
            assertThat(installed).as(PGBOUNCER + " (apt-get install pgbouncer)").isTrue();
        }
        assumeTrue(installed, "Debian's pgbouncer is not installed: apt-get install pgbouncer");
        direct = jdbi;
        LibraryData.large(jdbi, 300, 4);
        URI database = URI.create(DatabaseUrl.of(jdbi).substring("jdbc:".length()));
        int port = freePort();
        work = Files.createTempDirectory("loadplan-pgbouncer");
        // PgBouncer refuses to run as root; started as root it switches to the user -u names, who must read this.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path config = work.resolve("pgbouncer.ini");
        Files.writeString(config, String.join("\n",
                "[databases]",
                "* = host=127.0.0.1 port=" + database.getPort() + " user=postgres",
                // Pools of their own, for the tests whose named statements stay on server connections after them.
                POOLS.stream().map(pool -> pool + " = host=127.0.0.1 port=" + database.getPort() + " dbname="
                        + database.getPath().substring(1) + " user=postgres").collect(Collectors.joining("\n")),
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = any",
                "pool_mode = transaction",
                "default_pool_size = 2",
                "max_client_conn = 50",
                // pgjdbc sends it at connect; PgBouncer refuses startup parameters it does not know.
                "ignore_startup_parameters = extra_float_digits",
                "logfile = " + work.resolve("pgbouncer.log"),
                ""));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> command = new ArrayList<>(List.of(PGBOUNCER.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.add(config.toString());
        pgbouncer = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("pgbouncer.out").toFile()).start();
        awaitListening(port);
        bouncedUrl = "jdbc:postgresql://127.0.0.1:" + port + database.getPath() + "?user=postgres&" + README_SETTINGS;
        poolUrl = "jdbc:postgresql://127.0.0.1:" + port + "/%s?user=postgres&%s";
    }

    @AfterAll
    void stop() throws IOException, InterruptedException {
        if (pgbouncer != null) {
            pgbouncer.destroy();
            pgbouncer.waitFor(10, TimeUnit.SECONDS);
        }
        if (work != null) {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void everyStrategyLazyReadsAndStreamsLoadTheDirectGraphThroughTransactionPooling() throws Exception {
        Jdbi bounced = Jdbi.create(bouncedUrl);
        List<Function<Jdbi, List<Author>>> loads = List.of(
                jdbi -> AuthorLoader.withBooksSelectIn().list(jdbi),
                jdbi -> AuthorLoader.withBooksJoined().list(jdbi),
                jdbi -> AuthorLoader.withBooksSubquery().list(jdbi),
                jdbi -> AuthorLoader.withBooksImmediate().limit(20).list(jdbi),
                jdbi -> readLazily(AuthorLoader.withBooksLazy().limit(20).list(jdbi)),
                jdbi -> AuthorLoader.withBooksSelectIn().findById(jdbi, 7L).stream().toList(),
                jdbi -> jdbi.withHandle(handle -> {
                    try (Stream<Author> authors = AuthorLoader.withBooksSelectIn().stream(handle, 50)) {
                        return authors.toList();
                    }
                }));
        List<List<List<Object>>> expected = new ArrayList<>();
        for (Function<Jdbi, List<Author>> load : loads) {
            expected.add(LibraryData.authorValues(load.apply(direct)));
        }

        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                runs.add(clients.submit(() -> {
                    // Each load runs its statements more often than pgjdbc's default threshold (5) would allow.
                    for (int round = 0; round < 8; round++) {
                        for (int i = 0; i < loads.size(); i++) {
                            assertThat(LibraryData.authorValues(loads.get(i).apply(bounced)))
                                    .as("load %d, round %d, through PgBouncer", i, round)
                                    .isEqualTo(expected.get(i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Why README's setting matters, and that it is enough. Without it, the name pgjdbc gave a plan's root statement on
     * one server connection is, on another, another client's statement of the same shape: the load reads that
     * statement's rows as its own, one author of 300, with no error (no check of the result's shape could tell). With
     * it, the same sequence reads every author. The sequence: another client, in a transaction, runs a plan of the same
     * shape on one server connection; the load runs on the other, where the driver names its statement as the other
     * client's driver named its own; the other client commits; PgBouncer hands the connection it got back last (LIFO)
     * to the load's second run.
     */
    @Test
    void withoutReadmesSettingALoadCanReadAnotherClientsRowsAndWithItItCannot() {
        assertThat(rootsOfSecondLoad(poolUrl.formatted("danger", NAMED)))
                .as("statements named at their first run, without README's setting").hasSize(1);
        assertThat(rootsOfSecondLoad(poolUrl.formatted("danger", README_SETTINGS))).as("with README's setting")
                .hasSize(300);
    }

    /**
     * The connection of that wrong result is told apart: through the pooler, with statements named, a load, a lazy
     * read, a stream and a write refuse to run under {@link PoolerCheck#FAIL}, naming README's setting, and nothing
     * is written. With the setting, or on a direct connection, everything runs.
     */
    @Test
    void aConnectionThroughThePoolerThatNamesStatementsIsRefusedWithTheSettingThatMakesItSafe() {
        Jdbi named = Jdbi.create(poolUrl.formatted("refused", NAMED));
        String fix = "Add prepareThreshold=0 to the JDBC URL";
        // A plan loaded while the check is off (first, while the pool's server connection holds no statement whose
        // name the load's would take), read lazily once it is on.
        named.getConfig(LoadPlanConfig.class).setPoolerCheck(PoolerCheck.OFF);
        Author author = AuthorLoader.withBooksLazy().where("authors.id = 7").list(named).get(0);
        named.getConfig(LoadPlanConfig.class).setPoolerCheck(PoolerCheck.FAIL);
        assertThatThrownBy(() -> author.books().size()).isInstanceOf(LoadRefusedException.class)
                .hasMessageStartingWith("loading Author.books (LAZY) refused to run: ").hasMessageContaining(fix);

        assertThatThrownBy(() -> AuthorLoader.plain().list(named)).isInstanceOf(LoadRefusedException.class)
                .returns(LoadRefusedException.Reason.POOLED_CONNECTION, e -> ((LoadRefusedException) e).reason())
                .hasMessageStartingWith("loading Author refused to run: the connection reaches PostgreSQL through "
                        + "a pooler").hasMessageContaining("(prepareThreshold=1)").hasMessageContaining(fix);
        assertThatThrownBy(() -> named.useHandle(handle -> {
            try (Stream<Author> authors = AuthorLoader.plain().stream(handle, 10)) {
                authors.count();
            }
        })).isInstanceOf(LoadRefusedException.class).hasMessageStartingWith("streaming Author refused to run: ")
                .hasMessageContaining(fix);
        assertThatThrownBy(() -> AuthorDao.on(named).insert(new Author("Never written")))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessageStartingWith("Author's DAO refused to run: ").hasMessageContaining(fix);
        long written = direct.withHandle(handle -> handle.createQuery("select count(*) from authors where name = "
                + "'Never written'").mapTo(Long.class).one());
        assertThat(written).isZero();

        for (Jdbi safe : List.of(Jdbi.create(bouncedUrl), direct)) {
            safe.getConfig(LoadPlanConfig.class).setPoolerCheck(PoolerCheck.FAIL);
            assertThat(AuthorLoader.withBooksSelectIn().list(safe)).hasSize(300);
        }
    }

    /**
     * By default the same connection logs one warning naming the setting, and the load runs: a pooler in session mode,
     * or one that tracks prepared statements, would be refused by a check it cannot see past.
     */
    @Test
    void byDefaultSuchAConnectionWarnsOnceAndRuns() {
        String warnings = StandardError.of(() -> loadThrice(Jdbi.create(poolUrl.formatted("warned", NAMED))));
        assertThat(warnings.lines().filter(line -> line.contains("reaches PostgreSQL through a pooler")))
                .singleElement().asString().contains("Add prepareThreshold=0 to the JDBC URL")
                .contains("LoadPlanConfig.setPoolerCheck(OFF) (loadplan.pooler-check=off)")
                .contains("Logged once per JDBC URL");
        // Another URL is another deployment, warned of in turn, whatever was warned of before it.
        assertThat(StandardError.of(() -> loadThrice(Jdbi.create(poolUrl.formatted("warned_too", NAMED)))).lines()
                .filter(line -> line.contains("reaches PostgreSQL through a pooler"))).hasSize(1);
    }

    /**
     * Three loads on one client connection, whose statements keep the names they have on the pool's one server
     * connection.
     */
    private static void loadThrice(Jdbi named) {
        named.useHandle(handle -> {
            for (int load = 0; load < 3; load++) {
                assertThat(AuthorLoader.plain().where("authors.id = 7").list(handle)).hasSize(1);
            }
        });
    }

    /** The authors a second {@code plain()} load reads, after another client's plan of the same shape. */
    private static List<Author> rootsOfSecondLoad(String url) {
        Jdbi bounced = Jdbi.create(url);
        // The check would refuse (or warn about) the connection this shows the danger of.
        bounced.getConfig(LoadPlanConfig.class).setPoolerCheck(PoolerCheck.OFF);
        try (Handle other = bounced.open(); Handle loads = bounced.open()) {
            other.begin();
            assertThat(AuthorLoader.plain().where("authors.id = 7").list(other)).hasSize(1);
            assertThat(AuthorLoader.plain().list(loads)).hasSize(300);
            other.commit();
            return AuthorLoader.plain().list(loads);
        }
    }

    private static List<Author> readLazily(List<Author> authors) {
        authors.forEach(author -> author.books().size());
        return authors;
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!pgbouncer.isAlive()) {
                throw new AssertionError("pgbouncer exited: " + Files.readString(work.resolve("pgbouncer.out")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("pgbouncer did not listen on " + port);
    }
}
