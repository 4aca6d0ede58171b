package dev.loadplan.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parents waiting for one batched link, by the key their children will carry. Most keys have one parent
 * (one-to-many), so a key maps to the parent itself and only shared keys (many-to-one) get a list.
 */
final class ParentBatch {

    private final Map<Object, Object> parentsByKey = new LinkedHashMap<>();

    void add(Object key, Object parent) {
        Object present = parentsByKey.putIfAbsent(key, parent);
        if (present == null || present == parent) {
            return;
        }
        if (present instanceof SharedKey shared) {
            shared.parents.add(parent);
        } else {
            SharedKey shared = new SharedKey();
            shared.parents.add(present);
            shared.parents.add(parent);
            parentsByKey.put(key, shared);
        }
    }

    boolean isEmpty() {
        return parentsByKey.isEmpty();
    }

    Object[] keys() {
        return parentsByKey.keySet().toArray();
    }

    /** Calls {@code action} for each parent waiting for {@code key}. */
    <P> void forEachParent(Object key, java.util.function.Consumer<P> action) {
        Object found = parentsByKey.get(key);
        if (found == null) {
            return;
        }
        if (found instanceof SharedKey shared) {
            for (Object parent : shared.parents) {
                action.accept(cast(parent));
            }
        } else {
            action.accept(cast(found));
        }
    }

    @SuppressWarnings("unchecked")
    private static <P> P cast(Object parent) {
        return (P) parent;
    }

    /** Marks several parents under one key, so no entity type can be mistaken for the list that holds them. */
    private static final class SharedKey {
        final List<Object> parents = new ArrayList<>(2);
    }
}
