package dev.loadplan.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL the app works on: an embedded one it starts and stops itself, or an external one named by a
 * JDBC URL. Either way the rest of the app sees only a {@link DataSource}.
 *
 * <p>No connection pool: the app opens a handful of connections in its whole run, and a pool would be one more
 * thing to configure and close.
 */
final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final String description;
    private final Closeable server;

    private Database(DataSource dataSource, String description, Closeable server) {
        this.dataSource = dataSource;
        this.description = description;
        this.server = server;
    }

    static Database open(Options options) throws IOException, SQLException {
        return options.url().isPresent() ? external(options) : embedded();
    }

    /**
     * Starts PostgreSQL 17 from the zonky binaries on the class path: no Docker, no installed server. The first
     * start on a machine unpacks them into the temp folder (a few seconds); later starts take about a second.
     * The cluster lives in a fresh temp directory and is deleted on {@link #close()}.
     */
    private static Database embedded() throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                // A throwaway cluster: durability buys nothing and syncing costs time.
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        DataSource dataSource = postgres.getPostgresDatabase();
        String description = "embedded PostgreSQL " + serverVersion(dataSource) + " on port " + postgres.getPort();
        return new Database(dataSource, description, postgres);
    }

    /** Connects to the server at the URL; the URL may also carry user and password as parameters. */
    private static Database external(Options options) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(options.url().orElseThrow());
        if (options.user() != null) {
            dataSource.setUser(options.user());
        }
        if (options.password() != null) {
            dataSource.setPassword(options.password());
        }
        // Connect once now, so a wrong URL or password fails here with the driver's message.
        String description = "PostgreSQL " + serverVersion(dataSource) + " at " + withoutParameters(options.url().get());
        return new Database(dataSource, description, () -> { });
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** For the first line of output: which server, and which version. */
    String description() {
        return description;
    }

    /** Stops and deletes the embedded server; does nothing for an external one. */
    @Override
    public void close() throws IOException {
        server.close();
    }

    private static String serverVersion(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    /** Query parameters may hold a password; the description is printed, so leave them out. */
    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
