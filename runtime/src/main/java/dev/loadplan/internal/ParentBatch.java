package dev.loadplan.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parents waiting for one batched link, by the key their children will carry, in the order the keys came.
 * Most keys have one parent (one-to-many), so a key maps to the parent itself and only shared keys (many-to-one)
 * get a list. Whole-number keys are kept as {@code long}s in an open-addressing table, unboxed, and bound as one
 * {@code long[]}; other keys in a map.
 */
final class ParentBatch {

    private final boolean longKeys;
    // long keys: insertion order, and a table of slots into it
    private long[] order;
    private Object[] parents;
    private int[] slots;
    private int size;
    // other keys
    private final Map<Object, Object> byObject;

    ParentBatch(boolean longKeys) {
        this.longKeys = longKeys;
        if (longKeys) {
            order = new long[16];
            parents = new Object[16];
            slots = new int[32];
            Arrays.fill(slots, -1);
            byObject = null;
        } else {
            byObject = new LinkedHashMap<>();
        }
    }

    void add(long key, Object parent) {
        int position = find(key);
        if (position >= 0) {
            parents[position] = shared(parents[position], parent);
            return;
        }
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
            parents = Arrays.copyOf(parents, size * 2);
        }
        order[size] = key;
        parents[size] = parent;
        insertSlot(key, size);
        size++;
        if (2 * size > slots.length) {
            rehash();
        }
    }

    void add(Object key, Object parent) {
        if (longKeys) {
            add(((Number) key).longValue(), parent);
            return;
        }
        Object present = byObject.putIfAbsent(key, parent);
        if (present != null) {
            byObject.put(key, shared(present, parent));
        }
    }

    boolean isEmpty() {
        return longKeys ? size == 0 : byObject.isEmpty();
    }

    /** The keys, each once, in the order they came: a {@code long[]} for whole numbers, else an {@code Object[]}. */
    Object keys() {
        return longKeys ? Arrays.copyOf(order, size) : byObject.keySet().toArray();
    }

    /** The parents waiting for {@code key}: one parent, a {@link SharedKey}, or null. */
    Object parentsOf(long key) {
        int position = find(key);
        return position < 0 ? null : parents[position];
    }

    /** The parents waiting for {@code key}: one parent, a {@link SharedKey}, or null. */
    Object parentsOf(Object key) {
        return longKeys ? parentsOf(((Number) key).longValue()) : byObject.get(key);
    }

    private static Object shared(Object present, Object parent) {
        if (present == parent) {
            return present;
        }
        if (present instanceof SharedKey shared) {
            shared.parents.add(parent);
            return shared;
        }
        SharedKey shared = new SharedKey();
        shared.parents.add(present);
        shared.parents.add(parent);
        return shared;
    }

    private int find(long key) {
        int mask = slots.length - 1;
        for (int slot = EntityTable.hash(key) & mask; ; slot = (slot + 1) & mask) {
            int position = slots[slot];
            if (position < 0) {
                return -1;
            }
            if (order[position] == key) {
                return position;
            }
        }
    }

    private void insertSlot(long key, int position) {
        int mask = slots.length - 1;
        int slot = EntityTable.hash(key) & mask;
        while (slots[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = position;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        for (int position = 0; position < size; position++) {
            insertSlot(order[position], position);
        }
    }


    /** Several parents under one key, so no entity type can be mistaken for the list that holds them. */
    static final class SharedKey {
        final List<Object> parents = new ArrayList<>(2);
    }
}
