package dev.loadplan.it.differential;

import dev.loadplan.Strategy;
import dev.loadplan.it.differential.Mapping.Held;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What loadplan promises for a plan, worked out independently of it: which relationship each entity or view of the
 * graph has loaded, and how (the plan's links, its wildcard, declared defaults, a view's defaults, the stop at
 * mappings already on the path, back-references), the graph itself from the raw rows, and how many statements the
 * load runs. A view's graph is the entity graph of the same plan projected onto the view: the same rows in the same
 * order, and of each only what the view holds.
 */
final class Oracle {

    /** How deep graphs are compared: loaded relationships below this depth are not read. */
    static final int DEPTH = 4;

    /** How an entity a view load reads at two places shows, after its values, which are all it is compared by. */
    static final String SHARED = " (read at two places)";

    private final Domain domain;
    private final DomainData data;

    Oracle(Domain domain, DomainData data) {
        this.domain = domain;
        this.data = data;
    }

    /**
     * The strategy each relationship of one entity or view of the graph has, and what is planned below those that load:
     * worked out on first need, since lazy links may lead round forever.
     */
    final class Node {
        final Mapping mapping;
        /** How the link to this node filters and orders what it loads, or null. */
        final PlanNode.Criteria criteria;
        private final PlanNode named;
        private final Strategy wildcard;
        private final List<Mapping> ancestors;
        private final Map<String, Edge> edges = new HashMap<>();

        Node(Mapping mapping, PlanNode named, Strategy inherited, List<Mapping> ancestors) {
            this.mapping = mapping;
            this.criteria = named.criteria();
            this.named = named;
            this.wildcard = named.wildcard() != null ? named.wildcard() : inherited;
            this.ancestors = ancestors;
        }

        Edge edge(Held relation) {
            return edges.computeIfAbsent(relation.field(), field -> resolve(relation));
        }

        private Edge resolve(Held relation) {
            PlanNode.Link link = named.link(relation.field());
            Strategy strategy;
            PlanNode below = link == null || link.target() == null ? PlanNode.EMPTY : link.target();
            if (link != null && !link.keepsStrategy()) {
                strategy = link.strategy();
            } else {
                // Not named, or named keeping its strategy (with<Field>(plan)): the wildcard or declared default.
                Strategy declared = relation.side().declared();
                strategy = wildcard != null ? wildcard : declared != null ? declared : Strategy.RAISE;
                if (relation.alwaysLoaded() && !relation.fits(strategy)) {
                    throw new Refused(mapping.name() + "." + relation.field() + " is a relationship of a view, which "
                            + "every plan loads: defaultStrategy(" + strategy + ")");
                }
                boolean deferred = strategy == Strategy.LAZY || strategy == Strategy.RAISE;
                if (deferred && !relation.side().canDefer()) {
                    strategy = Strategy.NO_LOAD;
                }
                if (eager(strategy) && (relation.target().equals(mapping)
                        || ancestors.contains(relation.target()))) {
                    strategy = relation.side().canDefer() ? Strategy.RAISE : Strategy.NO_LOAD;
                }
            }
            if (!loads(strategy)) {
                return new Edge(relation, strategy, null);
            }
            List<Mapping> path = new ArrayList<>(ancestors);
            path.add(mapping);
            return new Edge(relation, strategy, new Node(relation.target(), below, wildcard, path));
        }
    }

    /** A relationship of an entity or view of the graph: its strategy, and the node below it when it loads. */
    record Edge(Held relation, Strategy strategy, Node target) {
    }

    /** A wildcard that would leave a view's relationship unloaded, which the planner refuses. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The graph's root node: what the plan says of {@code root}, {@code E0} or {@code V0}. */
    Node root(Mapping root, PlanNode plan) {
        return new Node(root, plan, null, List.of());
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
     * is built; links keeping theirs (with<Field>(plan)) when it is planned, with the strategy they get there, and so
     * is a wildcard that would leave a view's relationship unloaded.
     */
    String refusal(Mapping root, PlanNode plan) {
        String built = builtRefusal(root, plan);
        if (built != null) {
            return built;
        }
        try {
            String planned = plannedRefusal(root(root, plan), plan, null);
            if (planned == null) {
                resolveViews(root(root, plan));
            }
            return planned;
        } catch (Refused refused) {
            return refused.getMessage();
        }
    }

    /**
     * Resolves every relationship of the views the load reads, as the planner meets them, which throws
     * {@link Refused} at one a wildcard would leave unloaded; views hold no cycle, so the walk ends.
     */
    private void resolveViews(Node node) {
        for (Held relation : node.mapping.relations(domain)) {
            Edge edge = node.edge(relation);
            if (edge.target() != null && edge.target().mapping.view()) {
                resolveViews(edge.target());
            }
        }
    }

    /**
     * Checked as the plan is built, call by call: each link's plan below it first, then the link, with the strategy
     * it names, or that a link named before it for the same field named.
     */
    private String builtRefusal(Mapping mapping, PlanNode plan) {
        Map<String, Strategy> named = new HashMap<>();
        for (PlanNode.Link link : plan.links()) {
            Held relation = mapping.relation(domain, link.field());
            if (!link.keepsStrategy()) {
                named.put(link.field(), link.strategy());
            }
            Strategy strategy = named.get(link.field());
            if (link.target() == null) {
                continue;
            }
            String below = builtRefusal(relation.target(), link.target());
            if (below != null) {
                return below;
            }
            if (strategy == null) {
                continue;
            }
            String cycle = recordCycle(mapping, relation, strategy, link.target());
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
    private String recordCycle(Mapping mapping, Held relation, Strategy strategy, PlanNode below) {
        Held back = inverse(domain, mapping, relation);
        boolean records = mapping.isRecord(domain) && relation.target().isRecord(domain);
        if (records && back != null && eager(strategy)) {
            PlanNode.Link up = below.link(back.field());
            if (up != null && !up.keepsStrategy() && eager(up.strategy())) {
                String name = mapping.name();
                return name + " -> " + name + "." + relation.field() + " -> " + relation.target().name() + "."
                        + back.field() + " -> " + name;
            }
        }
        return null;
    }

    /** A link named JOINED in what a nested column holds, which has no joins. */
    private String joinedInNestedColumn(Mapping mapping, PlanNode plan) {
        for (PlanNode.Link link : plan.effective()) {
            Held relation = mapping.relation(domain, link.field());
            if (link.strategy() == Strategy.JOINED) {
                return mapping.name() + "." + relation.field() + " cannot be JOINED below a NESTED link";
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
            Held relation = node.mapping.relation(domain, link.field());
            Edge edge = node.edge(relation);
            Strategy strategy = edge.strategy();
            if (Boolean.TRUE.equals(inColumn) && strategy == Strategy.JOINED) {
                if (!link.keepsStrategy()) {
                    return node.mapping.name() + "." + relation.field() + " cannot be JOINED below a NESTED link";
                }
                strategy = Strategy.NESTED;
            }
            if (link.keepsStrategy()) {
                String cycle = recordCycle(node.mapping, relation, strategy, link.target());
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
    List<String> expected(Mapping mapping, PlanNode plan) {
        Node root = root(mapping, plan);
        Set<Mapping> shared = shared(mapping, plan);
        List<String> graph = new ArrayList<>();
        for (long id : roots(plan)) {
            graph.add(render(root, id, 0, Set.of(), null, -1, shared));
        }
        return graph;
    }

    /** The entities a view load reads at two places ({@link SharedMappings}); none for an entity load. */
    Set<Mapping> shared(Mapping mapping, PlanNode plan) {
        return mapping.view() ? SharedMappings.of(domain, root(mapping, plan)) : Set.of();
    }

    /**
     * An entity or view as plain text: its values, then each relationship's state. A relationship back to a mapping
     * on the path is shown by its state alone, never read: each mapping is read at one place of the graph (one read at
     * two is shown by its values alone), so what a lazy read loads cannot change an entity shown elsewhere.
     */
    private String render(Node node, long id, int depth, Set<Mapping> path, Held backReference, long parent,
            Set<Mapping> shared) {
        String name = node.mapping.name() + "#" + id;
        if (depth > DEPTH) {
            return name;
        }
        Set<Mapping> below = new java.util.HashSet<>(path);
        below.add(node.mapping);
        DomainData.Row row = data.row(node.mapping.entity(), id);
        List<String> values = new ArrayList<>();
        for (String column : columns(domain, node.mapping)) {
            values.add(value(node.mapping, column, row.value(column)));
        }
        StringBuilder out = new StringBuilder(name).append('(').append(String.join(",", values)).append(')');
        if (shared.contains(node.mapping)) {
            return out.append(SHARED).toString();
        }
        out.append('{');
        for (Held relation : node.mapping.relations(domain)) {
            out.append(relation.field()).append('=');
            Edge edge = node.edge(relation);
            if (relation.equals(backReference)) {
                out.append('^').append(relation.target().name()).append('#').append(parent);
            } else if (edge.target() == null) {
                out.append(unloaded(relation, edge.strategy()));
            } else if (below.contains(relation.target())) {
                out.append(edge.strategy() == Strategy.LAZY ? "lazy" : "up");
            } else {
                Held back = backReference(domain, node.mapping, relation);
                List<String> children = new ArrayList<>();
                for (long child : loaded(relation, edge.target(), id)) {
                    children.add(render(edge.target(), child, depth + 1, below, back, id, shared));
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
    private List<Long> loaded(Held relation, Node target, long id) {
        List<Long> related = data.related(relation.relation(), id);
        PlanNode.Criteria criteria = target.criteria;
        if (criteria == null) {
            return related;
        }
        List<Long> kept = new ArrayList<>(related.stream()
                .filter(child -> !data.row(target.mapping.entity(), child).label().equals(criteria.skip())).toList());
        if (relation.many()) {
            Comparator<Long> byLabel = Comparator.comparing(child -> data.row(target.mapping.entity(), child).label());
            kept.sort((criteria.descending() ? byLabel.reversed() : byLabel).thenComparing(Comparator.naturalOrder()));
        }
        return criteria.limit() > 0 && kept.size() > criteria.limit() ? kept.subList(0, criteria.limit()) : kept;
    }

    /** How a relationship the plan does not load reads: it throws (RAISE), or is empty or absent (NO_LOAD). */
    static String unloaded(Held relation, Strategy strategy) {
        return strategy == Strategy.RAISE ? "raise" : relation.many() ? "[]" : "null";
    }

    /**
     * The columns an entity or view is shown with, besides its id: an entity's values, and what a view holds of
     * them and of the keys, in the order it names them.
     */
    static List<String> columns(Domain domain, Mapping mapping) {
        if (!mapping.view()) {
            return ViewDef.VALUE_COLUMNS;
        }
        return domain.view(mapping.entity()).columns().stream().map(ViewDef.ViewColumn::column)
                .filter(column -> !column.equals("id")).toList();
    }

    /** A column's value as shown: an entity's alone, as it always was; a view's with the column's name. */
    static String value(Mapping mapping, String column, Object value) {
        return mapping.view() ? column + "=" + value : String.valueOf(value);
    }

    /**
     * The field of each child that a loaded {@code relation} of {@code parent} fills with its parent: the other
     * side, when the foreign key is the child's and that side is a to-one holding the parent's own mapping, unless
     * both are records.
     */
    static Held backReference(Domain domain, Mapping parent, Held relation) {
        Held other = inverse(domain, parent, relation);
        boolean records = parent.isRecord(domain) && relation.target().isRecord(domain);
        if (other == null || !relation.relation().keyInTarget() || other.many() || records) {
            return null;
        }
        return other;
    }

    /**
     * The other side of {@code relation}, as its target holds it, where it holds {@code parent}'s own mapping: the
     * planner knows a relationship's inverse by the mapping it points at, so a view's relationship has none, its
     * target pointing back at the entity, never at the view (a view held back would be a cycle of views).
     */
    static Held inverse(Domain domain, Mapping parent, Held relation) {
        for (Held candidate : relation.target().relations(domain)) {
            if (candidate.relation().link().equals(relation.relation().link())
                    && candidate.relation().forward() != relation.relation().forward()
                    && candidate.target().equals(parent)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * How many statements the load runs before anything lazy is read: the root statement, and per batched link
     * one statement (SELECT_IN, SUBQUERY) or one per distinct key (IMMEDIATE) when its parents have keys. Null
     * when the load reads one entity twice on one path, where what runs depends on which path gets there first.
     */
    Integer statementsAtLoad(Mapping mapping, PlanNode plan) {
        if (!shared(mapping, plan).isEmpty()) {
            return null;
        }
        try {
            return 1 + statements(root(mapping, plan), new LinkedHashSet<>(roots(plan)), Set.of(), true);
        } catch (RepeatedEntity e) {
            return null;
        }
    }

    /**
     * The statements loading what {@code node}, at {@code ids}, holds. {@code ran}: whether the statement reading
     * {@code node} ran. A subquery goes to the server with the statement it repeats, before that statement's rows say
     * whether any parent waits for it: it runs whenever that statement runs. A statement binding its parents' keys
     * runs when there are keys, once per key for IMMEDIATE.
     */
    private int statements(Node node, Set<Long> ids, Set<Mapping> above, boolean ran) {
        Set<Mapping> path = new java.util.HashSet<>(above);
        path.add(node.mapping);
        int statements = 0;
        for (Held relation : node.mapping.relations(domain)) {
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
                Long key = data.key(relation.relation(), id);
                if (key != null) {
                    keys.add(key);
                }
                children.addAll(loaded(relation, edge.target(), id));
            }
            statements += switch (edge.strategy()) {
                case SELECT_IN -> keys.isEmpty() ? 0 : 1;
                case SUBQUERY -> ran ? 1 : 0;
                case IMMEDIATE -> keys.size();
                default -> 0;
            };
            boolean targetRan = switch (edge.strategy()) {
                case SELECT_IN, IMMEDIATE -> !keys.isEmpty();
                default -> ran;
            };
            statements += statements(edge.target(), children, path, targetRan);
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
