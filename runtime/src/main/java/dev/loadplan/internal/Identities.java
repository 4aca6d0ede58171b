package dev.loadplan.internal;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The identity map of one load: one object per row of a table. Lazy relationships keep it, so what they load
 * later joins the same graph; nothing else outlives the load.
 */
final class Identities {

    private final Map<EntityMapping<?>, Map<Object, Object>> byMapping = new IdentityHashMap<>();

    Map<Object, Object> of(EntityMapping<?> mapping) {
        return byMapping.computeIfAbsent(mapping, ignored -> new HashMap<>());
    }
}
