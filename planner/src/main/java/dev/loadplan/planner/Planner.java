package dev.loadplan.planner;

import dev.loadplan.planner.sql.JdbcSql;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.RootShaping;
import dev.loadplan.planner.sql.RowSource;
import dev.loadplan.planner.sql.SelectTree;
import dev.loadplan.planner.sql.SqlComposer;
import dev.loadplan.planner.sql.TableShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a {@link PlanShape}: gives every relationship of every entity the plan reaches a strategy, and writes the
 * statements that load them. The processor plans the static entry points of generated loaders with it, for their
 * constants; the runtime plans every plan it runs with it; so what a constant shows is what runs.
 *
 * <p>A relationship gets the plan's link when the plan names it, else the plan's wildcard ({@code defaultStrategy})
 * when one is in force, else its declared default. A wildcard or default that loads eagerly is not followed into an
 * entity already on the path from the root: with {@code Author.books} and {@code Book.author} both eager by default,
 * loading authors must end. A link that names no strategy ({@link PlanShape#defaultLink}) gets the same, with its
 * plan below it; {@link LinkWalk} checks, before anything is planned, what its plan holds against it. Joined links
 * become joins of their parent's statement, nested links columns of it (and what a nested column holds cannot be
 * joined: joined below it becomes nested), batched and immediate links steps of their own, lazy links statements
 * planned on first need. Each strategy plans its links in one place, its
 * {@link LinkPlanning}; this class picks each link's strategy and keeps what the whole load shares.
 *
 * <p>What it plans holds the entities and relations it was given, of their own types ({@code E}, {@code R}): the
 * runtime gets its generated mappings back, the processor its models.
 *
 * @param <E> the type of the entities it plans (see {@link MappedEntity})
 * @param <R> the type of their relations
 */
public final class Planner<E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> {

    private final List<LazyPlan<E, R>> lazies = new ArrayList<>();
    private final List<PlanWarning<R>> warnings = new ArrayList<>();
    /** Whether the root statement holds SQL the caller wrote, which a subquery repeating it holds too. */
    private boolean rootHoldsCallerSql;

    /** A planner of its own for each tree: a lazy link's is planned apart from the load that holds it. */
    Planner() {
    }

    /** The steps and readers of one statement tree while it is planned. */
    static final class Scope<E, R> {
        final List<StepPlan<E, R>> steps = new ArrayList<>();
        int readers;
    }

    /** One statement's share of the plan: the tables it selects and how to read them. */
    record Statement<E, R>(SelectTree tree, NodePlan<E, R> reader) {
    }

    /** Plans {@code shape}: its root statement, the steps after it, and its lazy relationships. */
    public static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> PlannedLoad<E, R> plan(
            PlanShape<E, R> shape) {
        Planner<E, R> planner = new Planner<>();
        TableShape root = shape.entity().table();
        String where = shape.where();
        if (shape.byId()) {
            String idCondition = root.table() + '.' + root.idColumn() + " = :" + RootShaping.ID_PARAMETER;
            where = where == null ? idCondition : "(" + where + ") AND " + idCondition;
        }
        RootShaping shaping = new RootShaping(where, shape.orderBy(), shape.paged());
        Scope<E, R> scope = new Scope<>();
        PlanShape.Source<R> source = shape.source();
        boolean callerStatement = shape.fromCallerStatement();
        // Walked whatever the root holds: it refuses what cannot sit below a link keeping its strategy.
        LinkWalk<E, R> links = LinkWalk.of(shape);
        planner.rootHoldsCallerSql = callerStatement || shape.where() != null || shape.orderBy() != null
                || links.joinsWithCriteria();
        boolean recursive = source != null && source.recursive() != null;
        // A subquery cannot repeat a caller's statement, nor a recursive walk: it finds no parents there.
        KeySource rootKeys = callerStatement || recursive ? null
                : new KeySource(RowSource.root(root, shaping), List.of(), StepPlan.ROOT_BINDS, null);
        Statement<E, R> statement = planner.statement(shape, 0,
                new Position<E, R>(List.of(), "", rootKeys, null, callerStatement, false), scope);
        String sql;
        StatementPlan.Recursion<R> recursion = null;
        if (callerStatement) {
            sql = SqlComposer.callerStatement(source.sql(), PlanShape.COLUMNS, statement.tree());
        } else if (recursive) {
            R relation = source.recursive();
            sql = SqlComposer.recursiveRoot(statement.tree(), shaping, relation.shape());
            recursion = new StatementPlan.Recursion<>(relation, statement.tree().columnCount(),
                    root.indexOf(relation.shape().targetColumn()), Inverses.backReference(shape.entity(), relation));
        } else {
            sql = SqlComposer.root(statement.tree(), shaping);
        }
        StatementPlan<E, R> tree = new StatementPlan<>(sql, statement.reader(), scope.steps, scope.readers, recursion,
                planner.warnings, planner.rootHoldsCallerSql ? null : JdbcSql.of(sql));
        if (planner.lazies.isEmpty() && recursion == null) {
            tree = DistinctRows.mark(tree, callerStatement);
        }
        return new PlannedLoad<>(tree, planner.lazies);
    }

    /**
     * Whether the key a parent holds for {@code relation} is its target's own primary key, and so decides alone what
     * the relation holds: a to-one whose foreign key is in the parent's table (many-to-one, owning one-to-one) with no
     * back-reference to fill in the target. Two parents holding the same key then get the same answer, and with no
     * criteria of its own, a target the graph holds under the key is that answer (SQLAlchemy's lazy many-to-one from
     * the identity map).
     */
    static boolean keyIsTargetId(MappedRelation<?, ?> relation, Object backReference) {
        return relation.shape().kind() == RelationShape.Kind.FOREIGN_KEY_IN_SOURCE && backReference == null;
    }

    /** What the plan of a link says of the rows it loads: its {@code where} and {@code orderBy}. */
    static SqlComposer.Criteria criteria(PlanShape.Link<?, ?> link) {
        PlanShape<?, ?> target = link.target();
        String page = target.paged() ? SqlComposer.Criteria.pageOf(link.relation().qualifiedName()) : null;
        return target.where() == null && target.orderBy() == null && page == null ? SqlComposer.Criteria.NONE
                : new SqlComposer.Criteria(target.where(), target.orderBy(), page);
    }

    /**
     * Plans the node read at {@code offset} of a statement, with everything joined below it; other links below it
     * become steps of {@code scope} or lazy plans. Each link's strategy plans it ({@link LinkPlanning}).
     */
    Statement<E, R> statement(PlanShape<E, R> shape, int offset, Position<E, R> position, Scope<E, R> scope) {
        NodeBuilder<E, R> node = new NodeBuilder<>(shape, offset, position, scope);
        Map<R, PlanShape.Link<E, R>> planned = new HashMap<>();
        for (PlanShape.Link<E, R> link : shape.links()) {
            planned.put(link.relation(), link);
        }
        R recursive = shape.source() == null ? null : shape.source().recursive();
        for (R relation : shape.entity().relations()) {
            if (relation == recursive) {
                // The recursive walk reads it, in the root statement's own rows.
                node.claimed.add(relation);
                continue;
            }
            PlanShape.Link<E, R> link = picked(relation, planned.get(relation), node);
            link.strategy().planning().plan(this, node, link);
        }
        return node.build();
    }

    /**
     * The link {@code relation} gets at {@code node}: the plan's ({@code planned}) when it names a strategy, else a
     * default with, below it, what {@code planned} loads there, if any; JOINED where the caller's statement joins it
     * itself, and fitted to where it sits.
     */
    private PlanShape.Link<E, R> picked(R relation, PlanShape.Link<E, R> planned, NodeBuilder<E, R> node) {
        boolean isNamed = planned != null && !planned.keepsDefault();
        boolean contained = node.callerAlias(relation) != null;
        PlanShape.Link<E, R> link = isNamed ? planned : byDefault(relation, node.position.ancestors(), node.entity,
                node.wildcard, planned == null ? null : planned.target());
        if (contained) {
            link = relink(link, LoadStrategy.JOINED);
        }
        LoadStrategy strategy = link.strategy().planning().fitted(link, node.position, isNamed, contained);
        link = relink(link, strategy);
        if (!relation.fits(strategy) && isNamed) {
            throw new PlanningException(relation.alwaysLoaded() ? alwaysLoaded(relation, strategy, "")
                    : relation.qualifiedName() + " is a plain reference and cannot be " + strategy
                            + "; declare the field Ref<" + relation.target().entityName() + ">");
        }
        return link;
    }

    /**
     * The link a plan gets for a relationship it names no strategy for, at a node of {@code entity} below
     * {@code ancestors}: the {@code wildcard} in force or the declared default, unless that loads eagerly into an
     * entity already on the path, which would never end; below it what {@code target} loads (the declared defaults
     * when null).
     */
    static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> PlanShape.Link<E, R> byDefault(R relation,
            List<E> ancestors, E entity, LoadStrategy wildcard, PlanShape<E, R> target) {
        LoadStrategy strategy = wildcard != null ? wildcard : relation.declaredStrategy();
        if (relation.alwaysLoaded() && !relation.fits(strategy)) {
            // The view's type promises the relationship is loaded; a wildcard that would leave it not is refused.
            throw new PlanningException(alwaysLoaded(relation, strategy, "defaultStrategy("));
        }
        if (!strategy.fits(relation.canDefer())) {
            // A plain reference field cannot hold a lazy or raising value: it stays null, as unloaded.
            strategy = LoadStrategy.NO_LOAD;
        }
        if (strategy.eager() && (relation.target() == entity || ancestors.contains(relation.target()))) {
            strategy = relation.canDefer() ? LoadStrategy.RAISE : LoadStrategy.NO_LOAD;
        }
        return new PlanShape.Link<>(relation, strategy, target != null ? target : PlanShape.of(relation.target()));
    }

    /**
     * Why {@code relation}, which every plan loads, cannot be loaded by {@code strategy}, named by a plan
     * ({@code how} empty) or set as its wildcard ({@code how} is {@code "defaultStrategy("}).
     */
    private static String alwaysLoaded(MappedRelation<?, ?> relation, LoadStrategy strategy, String how) {
        String named = how.isEmpty() ? strategy.toString() : how + strategy + ")";
        return relation.qualifiedName() + " is a relationship of a view, which every plan loads: " + named
                + (strategy.loads() ? " would load it only when first read, which a view allows only for a Ref field"
                        : " would leave it unloaded")
                + "; load it with the parent (JOINED, NESTED, SELECT_IN, SUBQUERY or IMMEDIATE)"
                + (how.isEmpty() ? "" : ", or set the wildcard on a sub-plan of an entity below the view");
    }

    private PlanShape.Link<E, R> relink(PlanShape.Link<E, R> link, LoadStrategy strategy) {
        return strategy == link.strategy() ? link : new PlanShape.Link<>(link.relation(), strategy, link.target());
    }

    void warn(PlanWarning<R> warning) {
        warnings.add(warning);
    }

    /** The warnings of what this planner planned, the list a {@link StatementPlan} holds. */
    List<PlanWarning<R>> warnings() {
        return warnings;
    }

    void lazy(LazyPlan<E, R> load) {
        lazies.add(load);
    }

    boolean rootHoldsCallerSql() {
        return rootHoldsCallerSql;
    }
}
