package dev.loadplan.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;

/**
 * Why a write was refused as read-only ({@code SQLState 25006}), in a user's words: PostgreSQL says only
 * {@code cannot execute INSERT in a read-only transaction}, on a hot standby as in a transaction begun
 * {@code READ ONLY}. The server reports whether it is a standby ({@code in_hot_standby}, PostgreSQL 14 and newer)
 * on every connection, so telling them apart costs no round trip.
 */
public final class ReadOnlyServers {

    /** PostgreSQL's {@code read_only_sql_transaction}. */
    private static final String READ_ONLY = "25006";

    private ReadOnlyServers() {
    }

    /**
     * What to put before the database's message of a refused write: nothing, unless the database refused it as
     * read-only on a hot standby; then that the server, named by host and port, is a read-only standby.
     *
     * @param handle the handle the write ran on; null when none was opened
     * @param e what JDBI threw
     * @return {@code ""}, or {@code "the server 10.0.0.2:5432 is a hot standby, which is read-only: send writes to the
     *     primary: "}
     */
    public static String explain(Handle handle, Exception e) {
        if (handle == null || !readOnly(e)) {
            return "";
        }
        try {
            Connection connection = handle.getConnection();
            if (!connection.isWrapperFor(PGConnection.class)
                    || !"on".equals(connection.unwrap(PGConnection.class).getParameterStatus("in_hot_standby"))) {
                return "";
            }
            String server = connection.isWrapperFor(BaseConnection.class)
                    ? " " + connection.unwrap(BaseConnection.class).getQueryExecutor().getHostSpec() : "";
            return "the server" + server + " is a hot standby, which is read-only: send writes to the primary: ";
        } catch (SQLException | RuntimeException unknown) {
            return "";
        }
    }

    /** Whether the driver's exception, among {@code e}'s causes or a batch's next exception, is 25006. */
    private static boolean readOnly(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (READ_ONLY.equals(sql.getSQLState())
                    || sql.getNextException() != null && READ_ONLY.equals(sql.getNextException().getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
