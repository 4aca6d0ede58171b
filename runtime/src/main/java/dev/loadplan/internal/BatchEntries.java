package dev.loadplan.internal;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.postgresql.core.BaseConnection;

/**
 * Which entry of a DAO's batch the database refused, and what it said, from PostgreSQL's driver: its
 * {@code BatchUpdateException} says {@code Batch entry 1 INSERT ... was aborted: ...}, the statement repeated with
 * its values, and carries the database's own error as its next exception. Only its English message is read; in any
 * other language, or when it may count something other than entries, no entry is named, and the driver's message,
 * which names it in its own words, is kept whole.
 */
public final class BatchEntries {

    private static final Pattern ENTRY = Pattern.compile("^Batch entry (\\d+) ");

    private BatchEntries() {
    }

    /**
     * The index of the entry the driver says failed.
     *
     * @param handle the handle the batch ran on
     * @param e what JDBI threw
     * @param inserts whether the batch is of INSERTs, which the driver rewrites into statements of several rows each
     *     when the connection sets {@code reWriteBatchedInserts}; its index then counts those statements, not entries
     * @param size how many entries the batch had
     * @return the entry's index; -1 when the driver names none, or when its index may not be an entry's
     */
    public static int failed(Handle handle, Exception e, boolean inserts, int size) {
        if (!(e.getCause() instanceof BatchUpdateException batch) || batch.getMessage() == null) {
            return -1;
        }
        Matcher matcher = ENTRY.matcher(batch.getMessage());
        if (!matcher.find() || inserts && mayRewrite(handle)) {
            return -1;
        }
        try {
            int entry = Integer.parseInt(matcher.group(1));
            return entry < size ? entry : -1;
        } catch (NumberFormatException tooLong) {
            return -1;
        }
    }

    /**
     * The database's own error for the entry that failed, the driver's next exception, without the statement and
     * values the driver's batch message repeats; for any other failure, {@link Handles#message}.
     *
     * @param e what JDBI threw
     * @return the message
     */
    public static String message(Exception e) {
        if (e.getCause() instanceof BatchUpdateException batch && batch.getNextException() != null) {
            return batch.getNextException().getMessage();
        }
        return Handles.message(e);
    }

    /** Whether the driver may have rewritten a batch of INSERTs: yes unless the connection says it does not. */
    private static boolean mayRewrite(Handle handle) {
        try {
            Connection connection = handle.getConnection();
            return !connection.isWrapperFor(BaseConnection.class)
                    || connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled();
        } catch (SQLException | RuntimeException unknown) {
            return true;
        }
    }
}
