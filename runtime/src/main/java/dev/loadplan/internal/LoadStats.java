package dev.loadplan.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one load has run so far: its statements, the rows they returned and the entities those held, its lazy
 * reads' included. Lazy reads of
 * one graph may run on several threads, so the counts are atomic.
 */
public final class LoadStats {

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong objects = new AtomicLong();

    /** Counts a statement whose rows were read: {@code rowsRead} of them, holding {@code objectsRead} new objects. */
    void statementRead(long rowsRead, long objectsRead) {
        statements.incrementAndGet();
        rows.addAndGet(rowsRead);
        objects.addAndGet(objectsRead);
    }

    /** Counts objects read from a statement counted once its last rows are read: a stream's. */
    void objectsRead(long objectsRead) {
        objects.addAndGet(objectsRead);
    }

    /** {@return the distinct entities those rows held, each counted once in the load} */
    public long objects() {
        return objects.get();
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
