package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Domain.Relation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What loadplan promises for a plan, worked out independently of it: which relationship each entity of the graph
 * has loaded, and how (the plan's links, its wildcard, declared defaults, the stop at entities already on the path,
 * back-references), the graph itself from the raw rows, and how many statements the load runs.
 */
final class Oracle {

    /** How deep graphs are compared: loaded relationships below this depth are not read. */
    static final int DEPTH = 4;

    private final Domain domain;
    private final DomainData data;

    Oracle(Domain domain, DomainData data) {
        this.domain = domain;
        this.data = data;
    }

    /**
     * The strategy each relationship of one entity of the graph has, and what is planned below those that load:
     * worked out on first need, since lazy links may lead round forever.
     */
    final class Node {
        final int entity;
        /** How the link to this node filters and orders what it loads, or null. */
        final PlanNode.Criteria criteria;
        private final PlanNode named;
        private final Strategy wildcard;
        private final List<Integer> ancestors;
        private final Map<String, Edge> edges = new HashMap<>();

        Node(int entity, PlanNode named, Strategy inherited, List<Integer> ancestors) {
            this.entity = entity;
            this.criteria = named.criteria();
            this.named = named;
            this.wildcard = named.wildcard() != null ? named.wildcard() : inherited;
            this.ancestors = ancestors;
        }

        Edge edge(Relation relation) {
            return edges.computeIfAbsent(relation.field(), field -> resolve(relation));
        }

        private Edge resolve(Relation relation) {
            PlanNode.Link link = named.link(relation.field());
            Strategy strategy;
            PlanNode below = link == null || link.target() == null ? PlanNode.EMPTY : link.target();
            if (link != null && !link.keepsStrategy()) {
                strategy = link.strategy();
            } else {
                // Not named, or named keeping its strategy (with<Field>(plan)): the wildcard or declared default.
                Strategy declared = relation.side().declared();
                strategy = wildcard != null ? wildcard : declared != null ? declared : Strategy.RAISE;
                boolean deferred = strategy == Strategy.LAZY || strategy == Strategy.RAISE;
                if (deferred && !relation.side().canDefer()) {
                    strategy = Strategy.NO_LOAD;
                }
                if (eager(strategy) && (relation.target() == entity || ancestors.contains(relation.target()))) {
                    strategy = relation.side().canDefer() ? Strategy.RAISE : Strategy.NO_LOAD;
                }
            }
            if (!loads(strategy)) {
                return new Edge(relation, strategy, null);
            }
            List<Integer> path = new ArrayList<>(ancestors);
            path.add(entity);
            return new Edge(relation, strategy, new Node(relation.target(), below, wildcard, path));
        }
    }

    /** A relationship of an entity of the graph: its strategy, and the node below it when it loads. */
    record Edge(Relation relation, Strategy strategy, Node target) {
    }

    /** The graph's root node: what the plan says of {@code E0}. */
    Node root(PlanNode plan) {
        return new Node(0, plan, null, List.of());
    }

    static boolean eager(Strategy strategy) {
        return strategy == Strategy.JOINED || strategy == Strategy.NESTED || strategy == Strategy.SELECT_IN
                || strategy == Strategy.SUBQUERY || strategy == Strategy.IMMEDIATE;
    }

    static boolean loads(Strategy strategy) {
        return eager(strategy) || strategy == Strategy.LAZY;
    }

    /**
     * Why the plan cannot be built, or null: it loads, eagerly, a relationship between records and, right below it,
     * the other side back, which would have each record hold the one that holds it; or it names a link JOINED in
     * what a NESTED link's column holds, which has no joins. Links named with their strategy are checked as the plan
     * is built; links keeping theirs (with<Field>(plan)) when it is planned, with the strategy they get there.
     */
    String refusal(PlanNode plan) {
        String built = refusal(0, plan);
        return built != null ? built : plannedRefusal(root(plan), plan, null);
    }

    /**
     * Checked as the plan is built, call by call: each link's plan below it first, then the link, with the strategy
     * it names, or that a link named before it for the same field named.
     */
    private String refusal(int entity, PlanNode plan) {
        Map<String, Strategy> named = new HashMap<>();
        for (PlanNode.Link link : plan.links()) {
            Relation relation = domain.relation(entity, link.field());
            if (!link.keepsStrategy()) {
                named.put(link.field(), link.strategy());
            }
            Strategy strategy = named.get(link.field());
            if (link.target() == null) {
                continue;
            }
            String below = refusal(relation.target(), link.target());
            if (below != null) {
                return below;
            }
            if (strategy == null) {
                continue;
            }
            String cycle = recordCycle(entity, relation, strategy, link.target());
            if (cycle != null) {
                return cycle;
            }
            if (strategy == Strategy.NESTED) {
                String joined = joinedInNestedColumn(relation.target(), link.target());
                if (joined != null) {
                    return joined;
                }
            }
        }
        return null;
    }

    /**
     * Records that would hold each other: {@code relation} loaded eagerly between records, and below it, in
     * {@code below}, the other side back named eager.
     */
    private String recordCycle(int entity, Relation relation, Strategy strategy, PlanNode below) {
        Relation back = relation.other();
        boolean records = domain.entity(entity).form() == Domain.Form.RECORD
                && domain.entity(relation.target()).form() == Domain.Form.RECORD;
        if (records && back != null && eager(strategy)) {
            PlanNode.Link up = below.link(back.field());
            if (up != null && !up.keepsStrategy() && eager(up.strategy())) {
                return "E" + entity + " -> E" + entity + "." + relation.field() + " -> E" + relation.target() + "."
                        + back.field() + " -> E" + entity;
            }
        }
        return null;
    }

    /** A link named JOINED in what a nested column holds, which has no joins. */
    private String joinedInNestedColumn(int entity, PlanNode plan) {
        for (PlanNode.Link link : plan.effective()) {
            Relation relation = domain.relation(entity, link.field());
            if (link.strategy() == Strategy.JOINED) {
                return "E" + entity + "." + relation.field() + " cannot be JOINED below a NESTED link";
            }
            if (link.strategy() == Strategy.NESTED && link.target() != null) {
                String below = joinedInNestedColumn(relation.target(), link.target());
                if (below != null) {
                    return below;
                }
            }
        }
        return null;
    }

    /**
     * Checked when the plan is planned, down from the root, each link with the strategy it gets where it sits:
     * links keeping their strategy, against their plans below; and, in a nested column ({@code inColumn}), a link
     * named JOINED, which a plan repeated there brings. A default JOINED is read NESTED in a nested column.
     */
    private String plannedRefusal(Node node, PlanNode plan, Boolean inColumn) {
        for (PlanNode.Link link : plan.effective()) {
            Relation relation = domain.relation(node.entity, link.field());
            Edge edge = node.edge(relation);
            Strategy strategy = edge.strategy();
            if (Boolean.TRUE.equals(inColumn) && strategy == Strategy.JOINED) {
                if (!link.keepsStrategy()) {
                    return "E" + node.entity + "." + relation.field() + " cannot be JOINED below a NESTED link";
                }
                strategy = Strategy.NESTED;
            }
            if (link.keepsStrategy()) {
                String cycle = recordCycle(node.entity, relation, strategy, link.target());
                if (cycle != null) {
                    return cycle;
                }
            }
            if (edge.target() != null) {
                Boolean column = strategy == Strategy.NESTED ? Boolean.TRUE
                        : strategy == Strategy.JOINED ? inColumn : null;
                String below = plannedRefusal(edge.target(), link.target() == null ? PlanNode.EMPTY : link.target(),
                        column);
                if (below != null) {
                    return below;
                }
            }
        }
        return null;
    }

    /** The root rows the plan selects: every {@code E0} by id, or the page its shaping asks for. */
    List<Long> roots(PlanNode plan) {
        List<Long> ids = data.ids(0);
        PlanNode.Shaping shaping = plan.shaping();
        if (shaping == null) {
            return ids;
        }
        String skip = (String) shaping.binds().get("skip");
        Comparator<Long> byLabel = Comparator.comparing(id -> data.row(0, id).label());
        List<Long> kept = new ArrayList<>(ids.stream().filter(id -> !data.row(0, id).label().equals(skip)).toList());
        kept.sort((shaping.orderBy().endsWith("DESC") ? byLabel.reversed() : byLabel)
                .thenComparing(Comparator.naturalOrder()));
        int from = (int) Math.min(shaping.offset(), kept.size());
        return kept.subList(from, (int) Math.min(from + shaping.limit(), kept.size()));
    }

    /** The graph the plan must build, rendered as {@link GraphRenderer} renders what loadplan built. */
    List<String> expected(PlanNode plan) {
        Node root = root(plan);
        List<String> graph = new ArrayList<>();
        for (long id : roots(plan)) {
            graph.add(render(root, id, 0, Set.of(), null, -1));
        }
        return graph;
    }

    /**
     * An entity as plain text: its values, then each relationship's state. A relationship back to an entity type
     * on the path is shown by its state alone, never read: each type is read at one place of the graph, so what a
     * lazy read loads cannot change an entity shown elsewhere.
     */
    private String render(Node node, long id, int depth, Set<Integer> path, Relation backReference, long parent) {
        String name = "E" + node.entity + "#" + id;
        if (depth > DEPTH) {
            return name;
        }
        Set<Integer> below = new java.util.HashSet<>(path);
        below.add(node.entity);
        DomainData.Row row = data.row(node.entity, id);
        StringBuilder out = new StringBuilder(name).append('(').append(row.label()).append(',').append(row.n())
                .append(')').append('{');
        for (Relation relation : domain.relations(node.entity)) {
            out.append(relation.field()).append('=');
            Edge edge = node.edge(relation);
            if (relation.equals(backReference)) {
                out.append("^E").append(relation.target()).append('#').append(parent);
            } else if (edge.target() == null) {
                out.append(unloaded(relation, edge.strategy()));
            } else if (below.contains(relation.target())) {
                out.append(edge.strategy() == Strategy.LAZY ? "lazy" : "up");
            } else {
                Relation back = backReference(domain, relation);
                List<String> children = new ArrayList<>();
                for (long child : loaded(relation, edge.target(), id)) {
                    children.add(render(edge.target(), child, depth + 1, below, back, id));
                }
                out.append(relation.many() ? children.toString() : children.isEmpty() ? "null" : children.get(0));
            }
            out.append(';');
        }
        return out.append('}').toString();
    }

    /**
     * The children {@code relation} of entity {@code id} holds once loaded into {@code target}: those the link's plan
     * keeps, in its order (label, then key) for a collection; all of them in the relation's order otherwise.
     */
    private List<Long> loaded(Relation relation, Node target, long id) {
        List<Long> related = data.related(relation, id);
        PlanNode.Criteria criteria = target.criteria;
        if (criteria == null) {
            return related;
        }
        List<Long> kept = new ArrayList<>(related.stream()
                .filter(child -> !data.row(relation.target(), child).label().equals(criteria.skip())).toList());
        if (relation.many()) {
            Comparator<Long> byLabel = Comparator.comparing(child -> data.row(relation.target(), child).label());
            kept.sort((criteria.descending() ? byLabel.reversed() : byLabel).thenComparing(Comparator.naturalOrder()));
        }
        return criteria.limit() > 0 && kept.size() > criteria.limit() ? kept.subList(0, criteria.limit()) : kept;
    }

    /** How a relationship the plan does not load reads: it throws (RAISE), or is empty or absent (NO_LOAD). */
    static String unloaded(Relation relation, Strategy strategy) {
        return strategy == Strategy.RAISE ? "raise" : relation.many() ? "[]" : "null";
    }

    /**
     * The field of each child that a loaded {@code relation} fills with its parent: the other side, when the
     * foreign key is the child's and that side is a to-one, unless both are records.
     */
    static Relation backReference(Domain domain, Relation relation) {
        Relation other = relation.other();
        boolean records = domain.entity(relation.owner()).form() == Domain.Form.RECORD
                && domain.entity(relation.target()).form() == Domain.Form.RECORD;
        if (other == null || !relation.keyInTarget() || other.many() || records) {
            return null;
        }
        return other;
    }

    /**
     * How many statements the load runs before anything lazy is read: the root statement, and per batched link
     * one statement (SELECT_IN, SUBQUERY) or one per distinct key (IMMEDIATE) when its parents have keys. Null
     * when the load reads one entity twice on one path, where what runs depends on which path gets there first.
     */
    Integer statementsAtLoad(PlanNode plan) {
        try {
            return 1 + statements(root(plan), new LinkedHashSet<>(roots(plan)), Set.of());
        } catch (RepeatedEntity e) {
            return null;
        }
    }

    private int statements(Node node, Set<Long> ids, Set<Integer> above) {
        Set<Integer> path = new java.util.HashSet<>(above);
        path.add(node.entity);
        int statements = 0;
        for (Relation relation : domain.relations(node.entity)) {
            Edge edge = node.edge(relation);
            if (!eager(edge.strategy())) {
                continue;
            }
            if (path.contains(relation.target())) {
                throw new RepeatedEntity();
            }
            Set<Long> keys = new LinkedHashSet<>();
            Set<Long> children = new LinkedHashSet<>();
            for (long id : ids) {
                Long key = data.key(relation, id);
                if (key != null) {
                    keys.add(key);
                }
                children.addAll(loaded(relation, edge.target(), id));
            }
            statements += switch (edge.strategy()) {
                case SELECT_IN, SUBQUERY -> keys.isEmpty() ? 0 : 1;
                case IMMEDIATE -> keys.size();
                default -> 0;
            };
            statements += statements(edge.target(), children, path);
        }
        return statements;
    }

    private static final class RepeatedEntity extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RepeatedEntity() {
            super(null, null, false, false);
        }
    }
}
