package dev.loadplan.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything one load remembers, dropped when the load returns: the identity map (one object per row of a
 * table), which objects each reader has already seen, and the parents each batched link waits for.
 */
final class LoadState {

    private final Map<EntityMapping<?>, Map<Object, Object>> identities = new IdentityHashMap<>();
    private final Set<?>[] seenByReader;
    private final ParentBatch[] batches;

    LoadState(int readers, int batchedLinks) {
        this.seenByReader = new Set<?>[readers];
        this.batches = new ParentBatch[batchedLinks];
    }

    Map<Object, Object> identities(EntityMapping<?> mapping) {
        return identities.computeIfAbsent(mapping, ignored -> new HashMap<>());
    }

    /** True the first time reader {@code readerId} sees {@code entity} in this load. */
    @SuppressWarnings("unchecked")
    boolean firstVisit(int readerId, Object entity) {
        Set<Object> seen = (Set<Object>) seenByReader[readerId];
        if (seen == null) {
            seen = Collections.newSetFromMap(new IdentityHashMap<>());
            seenByReader[readerId] = seen;
        }
        return seen.add(entity);
    }

    ParentBatch batch(int stepId) {
        ParentBatch batch = batches[stepId];
        if (batch == null) {
            batch = new ParentBatch();
            batches[stepId] = batch;
        }
        return batch;
    }

    ParentBatch batchIfAny(int stepId) {
        return batches[stepId];
    }
}
