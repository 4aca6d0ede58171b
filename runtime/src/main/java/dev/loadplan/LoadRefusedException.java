package dev.loadplan;

/**
 * Loadplan refused to run a load or a write, because a check failed before any of its statements ran: nothing was
 * read or written. The message names what was refused, why, and how to let it run.
 */
public class LoadRefusedException extends LoadPlanException {

    private static final long serialVersionUID = 1L;

    /** Why a load or a write was refused. */
    public enum Reason {
        /**
         * A plan of several statements was to run in the caller's transaction below REPEATABLE READ, where its
         * statements would read different snapshots, under {@link SnapshotCheck#FAIL}.
         */
        TORN_SNAPSHOT,
        /**
         * The connection reaches PostgreSQL through a pooler and the driver names prepared statements on it, under
         * {@link PoolerCheck#FAIL}.
         */
        POOLED_CONNECTION,
        /** The plan cannot stream its roots batch by batch; its message says why and which link to change. */
        NOT_STREAMABLE
    }

    /** The check that refused; part of the serialized form. */
    private final Reason reason;

    /**
     * An exception with {@code message}, for {@code reason}.
     *
     * @param message what was refused, why, and how to let it run
     * @param reason the check that refused it
     */
    public LoadRefusedException(String message, Reason reason) {
        super(message);
        this.reason = reason;
    }

    /** {@return the check that refused the load or the write} */
    public Reason reason() {
        return reason;
    }
}
