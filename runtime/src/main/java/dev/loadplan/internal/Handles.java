package dev.loadplan.internal;

import dev.loadplan.ConnectionUnavailableException;
import dev.loadplan.LoadPlanConfig;
import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.util.PSQLException;

/**
 * A handle of a load's own, from the caller's {@code Jdbi}: for {@code list(Jdbi)} and for a lazy read. When no
 * connection comes (server down, pool closed or exhausted), the failure names what was loading and keeps the driver's
 * or the pool's error as its cause, where JDBI's own exception names neither the plan nor the relationship.
 */
public final class Handles {

    private Handles() {
    }

    /** Runs {@code work} on a handle opened from {@code jdbi} and closed after; {@code what} names the load. */
    static <T> T with(Jdbi jdbi, String what, Function<Handle, T> work) {
        // A handle copies its Jdbi's settings and makes, by reflection, each one its Jdbi lacks when first asked: made
        // once here, loadplan's settings are copied into every handle rather than built anew for each load.
        jdbi.getConfig(LoadPlanConfig.class);
        Handle handle;
        try {
            handle = jdbi.open();
        } catch (ConnectionException e) {
            throw new ConnectionUnavailableException("loading " + what + " failed: could not get a connection: "
                    + message(e), e);
        }
        // A failure to close (a connection that died) is suppressed under the load's own failure, not instead of it.
        try (handle) {
            return work.apply(handle);
        }
    }

    /**
     * Whether the database answered with an error (a constraint violated, a statement cancelled): then the statement
     * ran to no effect, as PostgreSQL runs a statement whole or not at all. False when the connection failed instead
     * (an I/O error, a pool that gave none), after which a statement may or may not have run.
     *
     * @param e what JDBI threw
     * @return whether the driver's exception, in {@code e}'s causes, carries the server's error
     */
    public static boolean refused(Exception e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException driver && driver.getServerErrorMessage() != null) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() instanceof PSQLException next
                    && next.getServerErrorMessage() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database's, driver's or pool's own message: {@code e}'s when it is theirs, its cause's when JDBI wrapped it
     * (JDBI's message only repeats it, with the statement appended).
     */
    public static String message(Exception e) {
        return !(e instanceof SQLException) && e.getCause() instanceof SQLException cause ? cause.getMessage()
                : e.getMessage();
    }
}
