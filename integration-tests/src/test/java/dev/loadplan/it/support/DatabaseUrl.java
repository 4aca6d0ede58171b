package dev.loadplan.it.support;

import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;

/** The JDBC URL of a test class's database, for what connects to it on its own: a pool, a proxy, another JVM. */
public final class DatabaseUrl {

    private DatabaseUrl() {
    }

    public static String of(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            try {
                return handle.getConnection().getMetaData().getURL();
            } catch (SQLException e) {
                throw new IllegalStateException("no URL for the test database", e);
            }
        });
    }
}
