package dev.loadplan.internal;

/**
 * The identity map of one entity type in one load: one object per key, and which readers of the current run of
 * statements have visited each. Open addressing over parallel arrays: a {@code long} key (the type's key is a
 * {@code short}, {@code int} or {@code long}) is stored as is, with no boxing and no entry object per row; other
 * keys ({@code String}, {@code UUID}) as objects.
 *
 * <p>A lookup that misses returns where the key goes, so reading a new row probes once: {@code slot = probe(key)},
 * then {@code put(slot, key, entity)} when {@code slot < 0}.
 */
final class EntityTable {

    /** Readers below this number are marked in the table; others in {@link LoadState}. */
    static final int MARKED_READERS = 40;

    private static final int INITIAL_CAPACITY = 32;
    private static final long READERS = (1L << MARKED_READERS) - 1;

    private final boolean longKeys;
    private long[] longs;
    private Object[] keys;
    private Object[] entities;
    /** Per slot: the run of the last visit in the high bits, one bit per reader of that run in the low ones. */
    private long[] visits;
    private int size;
    private int mask;

    EntityTable(boolean longKeys) {
        this.longKeys = longKeys;
        allocate(INITIAL_CAPACITY);
    }

    private void allocate(int capacity) {
        if (longKeys) {
            longs = new long[capacity];
        } else {
            keys = new Object[capacity];
        }
        entities = new Object[capacity];
        visits = new long[capacity];
        mask = capacity - 1;
    }

    /**
     * The slot of {@code key} when present; otherwise {@code -1 - slot}, the free slot where {@link #put} puts it,
     * valid until the next call.
     */
    int probe(long key) {
        growIfFull();
        return find(key);
    }

    private int find(long key) {
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            if (entities[slot] == null) {
                return -1 - slot;
            }
            if (longs[slot] == key) {
                return slot;
            }
        }
    }

    /** As {@link #probe(long)}, for a key of any type. */
    int probe(Object key) {
        growIfFull();
        return find(key);
    }

    private int find(Object key) {
        if (longKeys) {
            return find(((Number) key).longValue());
        }
        for (int slot = hash(key.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            if (entities[slot] == null) {
                return -1 - slot;
            }
            if (keys[slot].equals(key)) {
                return slot;
            }
        }
    }

    /** Puts {@code entity} in the free slot {@code probed} ({@code -1 - slot}) a probe for {@code key} returned. */
    int put(int probed, long key, Object entity) {
        int slot = -1 - probed;
        longs[slot] = key;
        entities[slot] = entity;
        size++;
        return slot;
    }

    /** As {@link #put(int, long, Object)}, for a key of any type. */
    int put(int probed, Object key, Object entity) {
        if (longKeys) {
            return put(probed, ((Number) key).longValue(), entity);
        }
        int slot = -1 - probed;
        keys[slot] = key;
        entities[slot] = entity;
        size++;
        return slot;
    }

    Object entity(int slot) {
        return entities[slot];
    }

    /** The entity of {@code key}, or null. */
    Object get(Object key) {
        int slot = find(key);
        return slot < 0 ? null : entities[slot];
    }

    /**
     * Marks that reader {@code reader} (below {@link #MARKED_READERS}) of run {@code run} visited the entity in
     * {@code slot}; returns whether it is the reader's first visit in that run. Each run of statements has its own
     * number, so marks of an earlier run (a lazy load reuses the identity map) do not count.
     */
    boolean visit(int slot, int run, int reader) {
        long bit = 1L << reader;
        long marks = visits[slot];
        if (marks >>> MARKED_READERS != run) {
            visits[slot] = ((long) run << MARKED_READERS) | bit;
            return true;
        }
        if ((marks & READERS & bit) != 0) {
            return false;
        }
        visits[slot] = marks | bit;
        return true;
    }

    /** Keeps the load at most two thirds of the slots, so probes stay short. */
    private void growIfFull() {
        if (3 * (size + 1) <= 2 * entities.length) {
            return;
        }
        long[] oldLongs = longs;
        Object[] oldKeys = keys;
        Object[] oldEntities = entities;
        long[] oldVisits = visits;
        allocate(oldEntities.length * 2);
        for (int old = 0; old < oldEntities.length; old++) {
            if (oldEntities[old] == null) {
                continue;
            }
            int slot = (longKeys ? hash(oldLongs[old]) : hash(oldKeys[old].hashCode())) & mask;
            while (entities[slot] != null) {
                slot = (slot + 1) & mask;
            }
            if (longKeys) {
                longs[slot] = oldLongs[old];
            } else {
                keys[slot] = oldKeys[old];
            }
            entities[slot] = oldEntities[old];
            visits[slot] = oldVisits[old];
        }
    }

    /** Spreads a whole-number key over the slots (Fibonacci hashing); {@link ParentBatch} hashes its keys so too. */
    static int hash(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }

    private static int hash(int code) {
        return code * 0x9E3779B9 ^ (code >>> 16);
    }
}
