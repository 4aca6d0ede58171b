package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Runs the statements of one plan in a transaction of its own at REPEATABLE READ, so they read one snapshot. The
 * isolation is set inside the transaction, by its first statement, which the driver sends with the BEGIN: one round
 * trip, then the plan's statements, then COMMIT. Setting the connection's isolation instead would cost a query to
 * read it, one to set it and one to set it back, on every load.
 */
final class Snapshot {

    private static final String REPEATABLE_READ = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";

    private Snapshot() {
    }

    /**
     * Runs {@code work} in the transaction; {@code what} names the load in a failure of the transaction itself. A
     * failure of {@code work} is thrown as it is, with a failure to roll back (a connection that died) suppressed
     * under it, never instead of it.
     */
    static <T> T read(Handle handle, String what, Supplier<T> work) {
        begin(handle, what);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            rollBackUnder(handle, e);
            throw e;
        }
        commit(handle, what);
        return result;
    }

    /**
     * Whether {@code handle} is in a transaction already (the caller's), so a load runs in it. Asking a connection that
     * died fails; the failure names the load, as a statement's would.
     */
    static boolean inTransaction(Handle handle, String what) {
        try {
            return handle.isInTransaction();
        } catch (RuntimeException e) {
            throw new LoadPlanException("loading " + what + " failed: its handle cannot say whether it is in a "
                    + "transaction: " + Handles.message(e), e);
        }
    }

    /** Begins the transaction at REPEATABLE READ on {@code handle}, which must not be in one. */
    static void begin(Handle handle, String what) {
        try {
            handle.begin();
        } catch (RuntimeException e) {
            throw new LoadPlanException("loading " + what + " failed: could not begin its transaction: "
                    + Handles.message(e), e);
        }
        // Not a statement of the plan: run on the connection, where JDBI's logger does not count it.
        try (Statement isolation = handle.getConnection().createStatement()) {
            isolation.execute(REPEATABLE_READ);
        } catch (SQLException e) {
            LoadPlanException failure = new LoadPlanException("loading " + what + " failed: could not begin its "
                    + "REPEATABLE READ transaction: " + e.getMessage(), e);
            rollBackUnder(handle, failure);
            throw failure;
        }
    }

    static void commit(Handle handle, String what) {
        try {
            handle.commit();
        } catch (RuntimeException e) {
            throw new LoadPlanException("loading " + what + " failed: could not commit its transaction: "
                    + Handles.message(e), e);
        }
    }

    /** Rolls the transaction back after {@code failure}, keeping a failure to roll back as suppressed. */
    static void rollBackUnder(Handle handle, Throwable failure) {
        try {
            handle.rollback();
        } catch (RuntimeException undo) {
            failure.addSuppressed(undo);
        }
    }
}
