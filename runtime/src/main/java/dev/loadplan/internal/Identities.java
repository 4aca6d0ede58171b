package dev.loadplan.internal;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The identity map of one load: one object per row of a table, in one {@link EntityTable} per entity type. Lazy
 * relationships keep it, so what they load later joins the same graph; nothing else outlives the load. Each run of
 * statements on it (the load's, then each lazy read's) gets a number of its own, which its visit marks carry.
 */
final class Identities {

    private final Map<EntityMapping<?>, EntityTable> tables = new IdentityHashMap<>();
    private static final int RUN_MASK = (1 << (Long.SIZE - EntityTable.MARKED_READERS)) - 1;

    private int runs;

    /**
     * The read of each key by each lazy load whose parents share answers by key ({@link LazyLoad}): one per distinct
     * key, which every parent holding it waits for and keeps. Guarded by {@link #lazyReads}.
     */
    private final Map<LazyKey, LoadOnce<? extends List<?>>> lazyAnswers = new HashMap<>();

    /** A lazy load and a key it was read with. */
    private record LazyKey(LazyLoad<?> load, Object key) {
    }

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
     * What {@code load} answers for {@code key} in this graph: read once by {@code read}, by the first thread that
     * asks (others asking meanwhile wait for its answer); a read that fails is forgotten and tried again.
     */
    <C> List<C> answer(LazyLoad<C> load, Object key, Supplier<List<C>> read) {
        LoadOnce<List<C>> once;
        lazyReads.lock();
        try {
            // Unchecked, but sound: each key of this map holds what its own load reads, a list of its C.
            @SuppressWarnings("unchecked")
            LoadOnce<List<C>> held = (LoadOnce<List<C>>) lazyAnswers.computeIfAbsent(new LazyKey(load, key),
                    k -> new LoadOnce<>(read));
            once = held;
        } finally {
            lazyReads.unlock();
        }
        // Outside the lock: the read takes it itself, but for its statements.
        return once.get();
    }

    /**
     * The entity of {@code mapping} the graph holds under {@code key}, completed (for a record, the record built), as
     * a one-element list; null when the graph holds none, or a record not built yet. Taken under the graph's lock, as
     * a lazy read's rows are.
     */
    <E> List<E> known(EntityMapping<E> mapping, Object key) {
        lazyReads.lock();
        try {
            EntityTable table = tables.get(mapping);
            Object entity = table == null ? null : table.get(key);
            if (entity == null || entity instanceof RecordHolder holder && !holder.isBuilt()) {
                // Not there, or a record another lazy read of the graph is still gathering (it lets the lock go
                // while its statements run): building it now would build it without what that read loads into it.
                return null;
            }
            return mapping.completeAll(List.of(entity));
        } finally {
            lazyReads.unlock();
        }
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
