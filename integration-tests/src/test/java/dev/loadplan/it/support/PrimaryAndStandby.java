package dev.loadplan.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * A PostgreSQL primary and a hot standby streaming from it, from Debian's {@code postgresql} packages (zonky's
 * bundle, which the other tests run on, has no {@code pg_basebackup}): {@code initdb} a primary with
 * {@code wal_level = replica} and a {@code replicator} role that {@code pg_hba.conf} lets replicate,
 * {@code pg_basebackup -R} a copy of it, start that copy as a hot standby. Both listen on 127.0.0.1 only, on free
 * ports, with their data in a temporary directory that {@link #close} deletes after stopping them.
 *
 * <p>PostgreSQL refuses to run as root: as root, every server program runs as the {@code postgres} user the Debian
 * package creates ({@code runuser -u postgres}).
 *
 * <p>The standby is {@code application_name = standby} and the primary names it in
 * {@code synchronous_standby_names}, with {@code synchronous_commit = local} as the primary's default, so a
 * transaction waits for the standby only when it asks ({@code SET LOCAL synchronous_commit = remote_apply}). The
 * standby cancels a query that conflicts with recovery at once ({@code max_standby_streaming_delay = 0}) and starts
 * with {@code hot_standby_feedback = on}; {@link #feedback} turns it off and on. Autovacuum is off on the primary:
 * only a test's own {@code VACUUM} removes rows.
 */
public final class PrimaryAndStandby implements AutoCloseable {

    /** The name the standby connects with, as {@code synchronous_standby_names} and {@code pg_stat_replication} show it. */
    public static final String STANDBY_NAME = "standby";

    private static final Path DEBIAN_SERVERS = Path.of("/usr/lib/postgresql");
    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "pg_basebackup", "postgres");
    private static final int OLDEST = 14;

    private final Path bin;
    private final Path work;
    private final int primaryPort;
    private final int standbyPort;
    private final Jdbi primary;
    private final Jdbi standby;
    private boolean primaryRunning;
    private boolean standbyRunning;

    private PrimaryAndStandby(Path bin, Path work) throws IOException {
        this.bin = bin;
        this.work = work;
        this.primaryPort = freePort();
        this.standbyPort = freePort();
        this.primary = Jdbi.create(url(primaryPort));
        this.standby = Jdbi.create(url(standbyPort));
    }

    /**
     * The newest Debian server release installed with every program the pair needs, 14 or newer.
     *
     * @return its {@code bin} directory, or empty when none is installed ({@code apt-get install postgresql})
     */
    public static Optional<Path> debianBinaries() {
        if (!Files.isDirectory(DEBIAN_SERVERS)) {
            return Optional.empty();
        }
        try (Stream<Path> releases = Files.list(DEBIAN_SERVERS)) {
            return releases.filter(release -> release.getFileName().toString().matches("\\d+"))
                    .filter(release -> Integer.parseInt(release.getFileName().toString()) >= OLDEST)
                    .sorted(Comparator.comparing((Path release) -> Integer.parseInt(release.getFileName().toString()))
                            .reversed())
                    .map(release -> release.resolve("bin"))
                    .filter(dir -> PROGRAMS.stream().allMatch(program -> Files.isExecutable(dir.resolve(program))))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts a primary, runs {@code load} on it, copies it into a standby, starts the standby and waits until it has
     * replayed everything the primary wrote.
     *
     * @param bin the server programs' directory ({@link #debianBinaries})
     * @param load what to create and insert on the primary before the copy
     * @return the running pair; close it to stop both and delete their data
     */
    public static PrimaryAndStandby start(Path bin, Consumer<Jdbi> load) throws Exception {
        Path work = Files.createTempDirectory("loadplan-standby");
        // As root the servers run as postgres, who must create their directories, logs and sockets here.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        PrimaryAndStandby pair = new PrimaryAndStandby(bin, work);
        try {
            pair.startPrimary();
            load.accept(pair.primary);
            pair.startStandby();
            pair.awaitReplay();
            return pair;
        } catch (Exception | Error e) {
            try {
                pair.close();
            } catch (Exception cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The primary's {@code postgres} database, as superuser {@code postgres}. */
    public Jdbi primary() {
        return primary;
    }

    /** The standby's {@code postgres} database, as superuser {@code postgres}. */
    public Jdbi standby() {
        return standby;
    }

    /** The primary's host and port. */
    public String primaryServer() {
        return "127.0.0.1:" + primaryPort;
    }

    /** The standby's host and port, as the driver names the server it is connected to. */
    public String standbyServer() {
        return "127.0.0.1:" + standbyPort;
    }

    private void startPrimary() throws Exception {
        Path data = work.resolve("primary");
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync");
        Files.writeString(data.resolve("pg_hba.conf"), String.join("\n",
                "local all all trust",
                "host all all 127.0.0.1/32 trust",
                "host replication replicator 127.0.0.1/32 trust",
                ""));
        appendConfig(data.resolve("postgresql.conf"),
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + work + "'",
                // A throwaway cluster: syncing buys nothing.
                "fsync = off",
                "wal_level = replica",
                "max_wal_senders = 4",
                "autovacuum = off",
                "synchronous_standby_names = '" + STANDBY_NAME + "'",
                "synchronous_commit = local");
        pgCtlStart(data, primaryPort, "primary.log");
        primaryRunning = true;
        primary.useHandle(handle -> handle.execute("create role replicator with replication login"));
    }

    private void startStandby() throws Exception {
        Path data = work.resolve("standby");
        // -R writes standby.signal and primary_conninfo; -X stream copies the WAL the copy needs alongside.
        run(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(primaryPort),
                "-U", "replicator", "-D", data.toString(), "-R", "-X", "stream", "-c", "fast", "--no-sync");
        appendConfig(data.resolve("postgresql.conf"),
                "hot_standby = on",
                "max_standby_streaming_delay = 0",
                "wal_receiver_status_interval = 1s",
                "include_if_exists = 'feedback.conf'");
        writeFeedback(data, true);
        // Later in the file than -R's line, so it wins: the same server, and the name the primary waits for.
        appendConfig(data.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port=" + primaryPort
                + " user=replicator application_name=" + STANDBY_NAME + "'");
        pgCtlStart(data, standbyPort, "standby.log");
        standbyRunning = true;
        awaitReplicationState("sync", "the standby to stream as the synchronous standby");
    }

    /**
     * Turns the standby's {@code hot_standby_feedback} on or off and waits until the primary sees it: its
     * {@code pg_stat_replication} shows the standby's oldest snapshot ({@code backend_xmin}), or no longer does.
     */
    public void feedback(boolean on) throws Exception {
        writeFeedback(work.resolve("standby"), on);
        standby.useHandle(handle -> handle.select("select pg_reload_conf()").mapTo(Boolean.class).one());
        awaitTrue(() -> primary.withHandle(handle -> handle.select("select backend_xmin is not null "
                + "from pg_stat_replication where application_name = ?", STANDBY_NAME)
                .mapTo(Boolean.class).findOne().orElse(!on) == on), "backend_xmin to show feedback " + (on ? "on" : "off"));
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void awaitReplay() throws Exception {
        String written = primary.withHandle(handle -> handle.select("select pg_current_wal_lsn()::text")
                .mapTo(String.class).one());
        awaitTrue(() -> standby.withHandle(handle -> handle.select(
                "select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), cast(? as pg_lsn)) >= 0", written)
                .mapTo(Boolean.class).one()), "the standby to replay up to " + written);
    }

    private void awaitReplicationState(String syncState, String what) throws Exception {
        awaitTrue(() -> primary.withHandle(handle -> handle.select("select count(*) from pg_stat_replication "
                + "where application_name = ? and state = 'streaming' and sync_state = ?", STANDBY_NAME, syncState)
                .mapTo(Integer.class).one() == 1), what);
    }

    @Override
    public void close() throws Exception {
        try {
            if (standbyRunning) {
                standbyRunning = false;
                run(bin.resolve("pg_ctl").toString(), "-D", work.resolve("standby").toString(), "-m", "immediate",
                        "-w", "stop");
            }
        } finally {
            try {
                if (primaryRunning) {
                    primaryRunning = false;
                    run(bin.resolve("pg_ctl").toString(), "-D", work.resolve("primary").toString(), "-m",
                            "immediate", "-w", "stop");
                }
            } finally {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private void pgCtlStart(Path data, int port, String log) throws Exception {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", work.resolve(log).toString(),
                    "-o", "-p " + port, "-w", "-t", "60", "start");
        } catch (AssertionError e) {
            Path logFile = work.resolve(log);
            throw new AssertionError(e.getMessage() + "\n" + log + ":\n"
                    + (Files.exists(logFile) ? Files.readString(logFile) : "(none)"), e);
        }
    }

    private static void writeFeedback(Path data, boolean on) throws IOException {
        Path file = data.resolve("feedback.conf");
        Files.writeString(file, "hot_standby_feedback = " + (on ? "on" : "off") + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void appendConfig(Path file, String... lines) throws IOException {
        Files.writeString(file, Files.readString(file) + "\n" + String.join("\n", lines) + "\n");
    }

    /** Runs a server program, as {@code postgres} when this JVM runs as root, and fails with its output if it does. */
    private void run(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Path output = Files.createTempFile(work, "run", ".out");
        Process process = new ProcessBuilder(line).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", line) + " did not finish in 90 s: " + Files.readString(output));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", line) + " exited with " + process.exitValue() + ": "
                    + Files.readString(output));
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 60 s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
