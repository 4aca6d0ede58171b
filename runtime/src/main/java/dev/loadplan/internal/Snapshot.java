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

    static <T> T read(Handle handle, Supplier<T> work) {
        handle.begin();
        T result;
        try {
            // Not a statement of the plan: run on the connection, where JDBI's logger does not count it.
            try (Statement isolation = handle.getConnection().createStatement()) {
                isolation.execute(REPEATABLE_READ);
            } catch (SQLException e) {
                throw new LoadPlanException("could not begin the plan's REPEATABLE READ transaction", e);
            }
            result = work.get();
        } catch (RuntimeException | Error e) {
            try {
                handle.rollback();
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        handle.commit();
        return result;
    }
}
