package dev.loadplan.it.differential;

import dev.loadplan.Ref;
import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Mapping.Held;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the graph loadplan built as {@link Oracle} renders the graph it must build, reading through the
 * generated driver as a user reads entities and views, lazy relationships included, and of a view only what it
 * holds; and notes every entity or view that is not the one object of its row.
 */
final class GraphRenderer {

    private final Domain domain;
    private final DomainAccess access;
    private final Map<String, Object> instances = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    /** The entities the load reads at two places, shown by their values alone ({@link SharedMappings}). */
    private final Set<Mapping> shared;

    GraphRenderer(Domain domain, DomainAccess access, Set<Mapping> shared) {
        this.domain = domain;
        this.access = access;
        this.shared = shared;
    }

    List<String> render(List<?> roots, Oracle.Node root) {
        List<String> graph = new ArrayList<>();
        for (Object entity : roots) {
            graph.add(render(entity, root, 0, Set.of(), null, null));
        }
        return graph;
    }

    /** Entities that are not the one object of their row: two objects for one row break the identity map. */
    List<String> problems() {
        return problems;
    }

    private String name(Object entity) {
        return access.type(entity) + "#" + access.id(entity);
    }

    private String render(Object entity, Oracle.Node node, int depth, Set<Mapping> path, Held backReference,
            Object parent) {
        String name = name(entity);
        Object first = instances.putIfAbsent(name, entity);
        if (first != null && first != entity) {
            problems.add(name + " is two objects");
        }
        if (depth > Oracle.DEPTH) {
            return name;
        }
        Set<Mapping> below = new HashSet<>(path);
        below.add(node.mapping);
        List<String> values = new ArrayList<>();
        for (String column : Oracle.columns(domain, node.mapping)) {
            values.add(Oracle.value(node.mapping, column, access.column(entity, column)));
        }
        StringBuilder out = new StringBuilder(name).append('(').append(String.join(",", values)).append(')');
        if (shared.contains(node.mapping)) {
            return out.append(Oracle.SHARED).toString();
        }
        out.append('{');
        for (Held relation : node.mapping.relations(domain)) {
            out.append(relation.field()).append('=');
            Object value = access.relation(entity, relation.field());
            Oracle.Edge edge = node.edge(relation);
            if (relation.equals(backReference)) {
                out.append(backReference(value, parent));
            } else if (edge.target() == null) {
                out.append(unloaded(value));
            } else if (below.contains(relation.target())) {
                out.append(edge.strategy() != Strategy.LAZY ? "up"
                        : value instanceof Ref<?> ref && ref.isLoaded() ? "loaded, not lazy" : "lazy");
            } else {
                Held back = Oracle.backReference(domain, node.mapping, relation);
                out.append(loaded(value, edge.target(), depth, below, back, entity));
            }
            out.append(';');
        }
        return out.append('}').toString();
    }

    private String backReference(Object value, Object parent) {
        Object target = value;
        if (value instanceof Ref<?> ref) {
            if (!ref.isLoaded()) {
                return "not loaded";
            }
            target = ref.get();
        }
        if (target == null) {
            return "null";
        }
        return "^" + name(target) + (target == parent ? "" : " (another object than the parent)");
    }

    /** What a relationship the plan does not load reads as: it throws, or what it holds, shown by name. */
    private String unloaded(Object value) {
        try {
            if (value instanceof List<?> list) {
                return list.stream().map(this::name).toList().toString();
            }
            Object target = value instanceof Ref<?> ref ? ref.get() : value;
            return target == null ? "null" : name(target);
        } catch (RelationshipNotLoadedException e) {
            return "raise";
        }
    }

    private String loaded(Object value, Oracle.Node target, int depth, Set<Mapping> path, Held back,
            Object parent) {
        try {
            if (value instanceof List<?> list) {
                List<String> children = new ArrayList<>();
                for (Object child : list) {
                    children.add(render(child, target, depth + 1, path, back, parent));
                }
                return children.toString();
            }
            Object child = value instanceof Ref<?> ref ? ref.get() : value;
            return child == null ? "null" : render(child, target, depth + 1, path, back, parent);
        } catch (RelationshipNotLoadedException e) {
            return "raise (but the plan loads it)";
        }
    }
}
