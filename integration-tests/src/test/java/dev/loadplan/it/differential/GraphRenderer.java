package dev.loadplan.it.differential;

import dev.loadplan.Ref;
import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Domain.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the graph loadplan built as {@link Oracle} renders the graph it must build, reading through the
 * generated driver as a user reads entities, lazy relationships included; and notes every entity that is not
 * the one object of its row.
 */
final class GraphRenderer {

    private final Domain domain;
    private final DomainAccess access;
    private final Map<String, Object> instances = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    GraphRenderer(Domain domain, DomainAccess access) {
        this.domain = domain;
        this.access = access;
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

    private String render(Object entity, Oracle.Node node, int depth, Set<Integer> path, Relation backReference,
            Object parent) {
        String name = name(entity);
        Object first = instances.putIfAbsent(name, entity);
        if (first != null && first != entity) {
            problems.add(name + " is two objects");
        }
        if (depth > Oracle.DEPTH) {
            return name;
        }
        Set<Integer> below = new HashSet<>(path);
        below.add(node.entity);
        StringBuilder out = new StringBuilder(name).append('(').append(access.label(entity)).append(',')
                .append(access.n(entity)).append(')').append('{');
        for (Relation relation : domain.relations(node.entity)) {
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
                Relation back = Oracle.backReference(domain, relation);
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

    private String loaded(Object value, Oracle.Node target, int depth, Set<Integer> path, Relation back,
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
