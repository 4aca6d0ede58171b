package dev.loadplan.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The identity map of one load: one object per row of a table, in one {@link EntityTable} per entity type. Lazy
 * relationships keep it, so what they load later joins the same graph; nothing else outlives the load. Each run of
 * statements on it (the load's, then each lazy read's) gets a number of its own, which its visit marks carry.
 */
final class Identities {

    private final Map<EntityMapping<?>, EntityTable> tables = new IdentityHashMap<>();
    private static final int RUN_MASK = (1 << (Long.SIZE - EntityTable.MARKED_READERS)) - 1;

    private int runs;

    /** Taken by each lazy read of the graph while it reads rows: lazy reads may come from several threads. */
    private final ReentrantLock lazyReads = new ReentrantLock();

    ReentrantLock lazyReads() {
        return lazyReads;
    }

    EntityTable of(EntityMapping<?> mapping) {
        EntityTable table = tables.get(mapping);
        if (table == null) {
            table = new EntityTable(mapping.longIds());
            tables.put(mapping, table);
        }
        return table;
    }

    /**
     * A number for a new run of statements on this identity map, as many bits as {@link EntityTable} keeps for it.
     * Past 2^24 - 1 runs (lazy reads of one graph) numbers wrap, skipping 0, the run of a slot never visited.
     */
    int nextRun() {
        runs = (runs + 1) & RUN_MASK;
        if (runs == 0) {
            runs = 1;
        }
        return runs;
    }
}
