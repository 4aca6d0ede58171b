package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Mapping.Held;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The entities a view load reads at two places of its graph, neither below the other. A view is not its entity on
 * the path: below {@code V1}, a default of {@code E2.e1} loads {@code E1} again, and so may a wildcard. Each row is one
 * object throughout the load, so an entity read at two places holds what both places load, merged in an order the
 * oracle does not model: such an object is compared by its values alone, the load's statements are not counted (a
 * many-to-one read per key is answered from what the other place read), and records held both ways, each at one
 * place, may make a cycle that fails the load. Entity loads read each entity at one place, ancestors aside.
 */
final class SharedMappings {

    /** How deep the walk goes at most: eager links stop at mappings on their path, lazy ones where reading stops. */
    private static final int LIMIT = 16;

    private final Domain domain;
    private final Map<Mapping, Integer> places = new HashMap<>();

    private SharedMappings(Domain domain) {
        this.domain = domain;
    }

    /** The mappings read at two places or more of the load from {@code root}. */
    static Set<Mapping> of(Domain domain, Oracle.Node root) {
        SharedMappings walk = new SharedMappings(domain);
        walk.walk(root, 0, Set.of());
        Set<Mapping> shared = new HashSet<>();
        walk.places.forEach((mapping, count) -> {
            if (count > 1) {
                shared.add(mapping);
            }
        });
        return shared;
    }

    /**
     * Counts {@code node} as a place of its mapping unless the mapping is on its path (its objects are the
     * ancestors', as the renderer knows), and walks on: through every eager link, and through lazy ones where the
     * renderer reads them.
     */
    private void walk(Oracle.Node node, int depth, Set<Mapping> path) {
        if (!path.contains(node.mapping)) {
            places.merge(node.mapping, 1, Integer::sum);
        }
        if (depth > LIMIT) {
            return;
        }
        Set<Mapping> below = new HashSet<>(path);
        below.add(node.mapping);
        for (Held relation : node.mapping.relations(domain)) {
            Oracle.Edge edge = node.edge(relation);
            boolean read = edge.strategy() != Strategy.LAZY || depth <= Oracle.DEPTH;
            if (edge.target() != null && read) {
                walk(edge.target(), depth + 1, below);
            }
        }
    }
}
