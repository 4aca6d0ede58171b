package dev.loadplan.spring.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded PostgreSQL 17 (zonky: no Docker, no installed server) for the run, and a fresh database in it for each
 * test class, given to Spring Boot as {@code spring.datasource.url}: Boot makes its own DataSource, HikariCP, from it,
 * as it does in production. zonky's shutdown hook stops the server when the JVM ends.
 */
public final class Postgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private Postgres() {
    }

    /** Creates a database for {@code testClass} and points Boot's DataSource at it. */
    public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        String url = createDatabase(testClass);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /** A connection of its own, outside every Spring transaction: what another client sees (committed rows). */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    /** How many rows {@code sql} ({@code SELECT count(*) ...}) counts, on a connection of its own. */
    public static long countElsewhere(String url, String sql) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String createDatabase(Class<?> testClass) {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            }
            String name = testClass.getSimpleName().toLowerCase(Locale.ROOT) + "_" + DATABASES.incrementAndGet();
            try (Connection admin = server.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a database", e);
        }
    }
}
