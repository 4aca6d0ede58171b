package dev.loadplan.internal;

import dev.loadplan.ConnectionUnavailableException;
import dev.loadplan.LoadPlanConfig;
import dev.loadplan.LoadRefusedException;
import dev.loadplan.LoaderPlan;
import dev.loadplan.SnapshotCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the statements of one plan in a transaction of its own at REPEATABLE READ, so they read one snapshot. The
 * isolation is set inside the transaction, by its first statement, which rides with the plan's first statement and
 * the driver's BEGIN, in one round trip; COMMIT rides with the plan's last statements ({@link Pipeline}). Setting the
 * connection's isolation instead would cost a query to read it, one to set it and one to set it back, on every load.
 * In the caller's transaction, it checks that the statements will read one snapshot there ({@link #checkCallers}).
 */
final class Snapshot {

    static final String REPEATABLE_READ = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
    private static final Logger LOG = LoggerFactory.getLogger(LoaderPlan.class);

    private Snapshot() {
    }

    /**
     * Runs {@code work}, the statements of a load, where they read one snapshot: as they are when there is one
     * ({@code oneStatement}); in the caller's transaction, after {@link #checkCallers} ({@code plan} names the load
     * there, {@code warned} is its shape's); else in a transaction of its own ({@link #read}). {@code what} names the
     * load in a failure of the transaction itself.
     */
    static <T> T consistent(Handle handle, boolean oneStatement, String what, String plan, AtomicBoolean warned,
            Function<Pipeline, T> work) {
        if (oneStatement) {
            return within(handle, work);
        }
        if (inTransaction(handle, what)) {
            SnapshotCheck check = handle.getConfig(LoadPlanConfig.class).getSnapshotCheck();
            if (check == SnapshotCheck.WARN && !warned.get()) {
                // The question rides with the first statements: a warning needs no answer before they run.
                try (Pipeline pipeline = Pipeline.asking(handle, ISOLATION,
                        level -> warnIfTorn(level, plan, warned))) {
                    return work.apply(pipeline);
                }
            }
            checkCallers(handle, plan, warned);
            return within(handle, work);
        }
        return read(handle, what, work);
    }

    /** What the isolation of the caller's transaction is, as PostgreSQL names it ({@code read committed}). */
    static final String ISOLATION = "SHOW transaction_isolation";

    /**
     * Warns, once per plan ({@code warned}), that {@code plan} reads several snapshots in the caller's transaction at
     * {@code level}, as PostgreSQL names it, when that is below REPEATABLE READ.
     */
    private static void warnIfTorn(String level, String plan, AtomicBoolean warned) {
        if (level.equals("repeatable read") || level.equals("serializable")) {
            return;
        }
        if (warned.compareAndSet(false, true)) {
            LOG.warn(torn(plan, level.toUpperCase(java.util.Locale.ROOT))
                    + ". Logged once per plan; LoadPlanConfig.setSnapshotCheck(FAIL) makes it an error");
        }
    }

    /** Runs {@code work} as it is: one statement, or in the caller's transaction. */
    private static <T> T within(Handle handle, Function<Pipeline, T> work) {
        try (Pipeline pipeline = Pipeline.within(handle)) {
            return work.apply(pipeline);
        }
    }

    /**
     * Runs {@code work} in a transaction of its own, whose opening and COMMIT ride with its statements; {@code what}
     * names the load in a failure of the transaction itself. A failure of {@code work} is thrown as it is, with a
     * failure to roll back (a connection that died) suppressed under it, never instead of it.
     */
    static <T> T read(Handle handle, String what, Function<Pipeline, T> work) {
        beginUnset(handle, what);
        T result;
        try (Pipeline pipeline = Pipeline.owning(handle, REPEATABLE_READ)) {
            result = work.apply(pipeline);
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
            throw new ConnectionUnavailableException("loading " + what + " failed: its handle cannot say whether it "
                    + "is in a "
                    + "transaction: " + Handles.message(e), e);
        }
    }

    /**
     * Checks, as {@code handle}'s {@link LoadPlanConfig#getSnapshotCheck()} says, that {@code plan}, of several
     * statements, reads one snapshot in the caller's transaction: at REPEATABLE READ or SERIALIZABLE it does; below,
     * each statement reads its own. The isolation is the connection's: a pool that set it (HikariCP, as Spring's
     * transaction manager sets it) answers without a round trip, PostgreSQL's driver asks the server. Once a shape has
     * warned ({@code warned}), its loads do not ask again. A load that only warns asks with its first statements
     * instead ({@link #consistent}); one that would fail asks first, so that nothing of it runs.
     */
    static void checkCallers(Handle handle, String plan, AtomicBoolean warned) {
        SnapshotCheck check = handle.getConfig(LoadPlanConfig.class).getSnapshotCheck();
        if (check == SnapshotCheck.OFF || check == SnapshotCheck.WARN && warned.get()) {
            return;
        }
        int isolation;
        try {
            isolation = handle.getConnection().getTransactionIsolation();
        } catch (SQLException e) {
            throw new ConnectionUnavailableException("loading " + plan + " failed: could not read the isolation of "
                    + "your "
                    + "transaction: " + e.getMessage(), e);
        }
        if (isolation == Connection.TRANSACTION_REPEATABLE_READ || isolation == Connection.TRANSACTION_SERIALIZABLE) {
            return;
        }
        String torn = torn(plan, isolationName(isolation));
        if (check == SnapshotCheck.FAIL) {
            throw new LoadRefusedException(torn + "; nothing of it ran. LoadPlanConfig.setSnapshotCheck(WARN) lets "
                    + "such a plan run with a warning", LoadRefusedException.Reason.TORN_SNAPSHOT);
        }
        if (warned.compareAndSet(false, true)) {
            LOG.warn(torn + ". Logged once per plan; LoadPlanConfig.setSnapshotCheck(FAIL) makes it an error");
        }
    }

    private static String torn(String plan, String isolation) {
        return plan + " runs its statements in your transaction at " + isolation + ", where each "
                + "reads its own snapshot: a row committed between two of them gives a graph no committed state ever "
                + "had. Run it at REPEATABLE READ (Spring: @Transactional(readOnly = true, isolation = "
                + "Isolation.REPEATABLE_READ); JDBI: handle.setTransactionIsolation(REPEATABLE_READ) before begin()), "
                + "outside a transaction, where it opens its own at REPEATABLE READ, or load with one statement "
                + "(JOINED or NESTED links)";
    }

    private static String isolationName(int isolation) {
        return switch (isolation) {
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            default -> "isolation " + isolation;
        };
    }

    /**
     * Begins a transaction on {@code handle}, which must not be in one, leaving its isolation to be set by its first
     * statement. The driver sends its BEGIN with the first statement: this costs no round trip.
     */
    private static void beginUnset(Handle handle, String what) {
        try {
            handle.begin();
        } catch (RuntimeException e) {
            throw new ConnectionUnavailableException("loading " + what + " failed: could not begin its transaction: "
                    + Handles.message(e), e);
        }
    }

    /**
     * Begins the transaction at REPEATABLE READ on {@code handle}, which must not be in one, in a round trip of its
     * own: for a stream, whose first statement reads through a cursor, which cannot share it.
     */
    static void begin(Handle handle, String what) {
        beginUnset(handle, what);
        // Not a statement of the plan: run on the connection, where JDBI's logger does not count it.
        try (Statement isolation = handle.getConnection().createStatement()) {
            isolation.execute(REPEATABLE_READ);
        } catch (SQLException e) {
            ConnectionUnavailableException failure = new ConnectionUnavailableException("loading " + what + " failed: "
                    + "could not begin its REPEATABLE READ transaction: " + e.getMessage(), e);
            rollBackUnder(handle, failure);
            throw failure;
        }
    }

    static void commit(Handle handle, String what) {
        try {
            handle.commit();
        } catch (RuntimeException e) {
            throw new ConnectionUnavailableException("loading " + what + " failed: could not commit its transaction: "
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
