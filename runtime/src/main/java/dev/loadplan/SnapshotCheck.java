package dev.loadplan;

/**
 * What a plan of several statements does when it is to run in the caller's transaction at an isolation below
 * REPEATABLE READ: at READ COMMITTED each statement reads its own snapshot, so a row committed between two of them
 * can give a graph no committed state ever had (an author counted with one book, holding two). Outside a transaction
 * a plan opens its own at REPEATABLE READ, and a plan of one statement reads one snapshot anywhere, so neither is
 * checked. Set with {@link LoadPlanConfig#setSnapshotCheck}.
 */
public enum SnapshotCheck {
    /**
     * Logs one warning per plan shape, naming the plan, the isolation and the fix, then runs the plan. The default.
     */
    WARN,
    /**
     * Throws {@link LoadRefusedException} ({@link LoadRefusedException.Reason#TORN_SNAPSHOT}) naming the plan, the
     * isolation and the fix; no statement of the plan runs.
     */
    FAIL,
    /** Neither: the caller vouches for the isolation, and the plan does not ask the connection for it. */
    OFF
}
