package dev.loadplan.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one load has run so far: its statements and the rows they returned, its lazy reads' included. Lazy reads of
 * one graph may run on several threads, so the counts are atomic.
 */
public final class LoadStats {

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();

    /** Counts a statement whose rows were read: {@code rows} of them. */
    void statementRead(long rowsRead) {
        statements.incrementAndGet();
        rows.addAndGet(rowsRead);
    }

    /** {@return the statements run so far} */
    public long statements() {
        return statements.get();
    }

    /** {@return the rows those statements returned} */
    public long rows() {
        return rows.get();
    }
}
