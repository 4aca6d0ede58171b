package dev.loadplan.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * The PostgreSQL the benchmarks run on: an embedded one, started here and stopped at the end, or the one at
 * {@code -Dloadplan.url} (or {@code LOADPLAN_URL}), with {@code loadplan.user} and {@code loadplan.password}.
 */
final class Database implements AutoCloseable {

    final String url;
    final String user;
    final String password;
    private final EmbeddedPostgres embedded;

    private Database(String url, String user, String password, EmbeddedPostgres embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    static Database start() throws IOException {
        String url = setting("loadplan.url", "LOADPLAN_URL");
        if (url != null) {
            return new Database(url, setting("loadplan.user", "LOADPLAN_USER"),
                    setting("loadplan.password", "LOADPLAN_PASSWORD"), null);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, postgres);
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    String describe() {
        return embedded != null ? "embedded PostgreSQL (zonky binaries), on loopback" : "PostgreSQL at " + url;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
