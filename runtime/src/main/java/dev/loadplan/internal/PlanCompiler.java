package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.LoaderPlan;
import dev.loadplan.Strategy;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link PlanSpec} into a {@link CompiledPlan}. Every relationship of every entity the plan reaches gets
 * a strategy: the plan's link when it names one, otherwise the relationship's declared default. Joined links
 * become joins of their parent's statement, batched and immediate links steps of their own, lazy links statement
 * trees that run on first read.
 *
 * <p>A declared default that loads eagerly is not followed into an entity already on the path from the root:
 * with {@code Author.books} and {@code Book.author} both eager by default, loading authors must end.
 */
public final class PlanCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(LoaderPlan.class);

    private final List<LazyLoad<?>> lazyLoads = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private PlanCompiler() {
    }

    /** The steps and readers of one statement tree while it is compiled. */
    private static final class Scope {
        final List<BatchedStep<?, ?>> steps = new ArrayList<>();
        int readers;
    }

    /** One statement's share of the plan: the tables it selects and how to read them. */
    private record Statement<E>(SelectTree tree, NodeReader<E> reader) {
    }

    /**
     * How a {@code SUBQUERY} link below a node finds its parents: the rows of the node's statement, the joins
     * from the statement's first table down to the node, and what that statement binds ({@code keysSlot}).
     */
    private record KeySource(RowSource rows, List<RowSource.Hop> path, int keysSlot, String keysArrayType) {

        KeySource through(RelationShape relation, TableShape target) {
            List<RowSource.Hop> next = new ArrayList<>(path);
            next.add(new RowSource.Hop(relation, target));
            return new KeySource(rows, next, keysSlot, keysArrayType);
        }

        String keys(String column) {
            return rows.keys(path, column);
        }
    }

    /**
     * Where a node sits: its ancestors, for cycle checks; how a subquery link below it finds its parents; and
     * the wildcard strategy in force there, or null for declared defaults.
     */
    private record Position(List<EntityMapping<?>> path, KeySource keys, Strategy wildcard,
            boolean callerStatement) {

        Position below(EntityMapping<?> mapping, KeySource childKeys, Strategy childWildcard) {
            List<EntityMapping<?>> next = new ArrayList<>(path);
            next.add(mapping);
            return new Position(next, childKeys, childWildcard, callerStatement);
        }

        /** The position of the first node of a statement loadplan writes itself. */
        Position inOwnStatement() {
            return new Position(path, keys, wildcard, false);
        }
    }

    /** Compiles the plan; {@code byId} restricts the root rows to the one bound as {@code :lp_id}. */
    public static <E> CompiledPlan<E> compile(PlanSpec<E> spec, boolean byId) {
        PlanCompiler compiler = new PlanCompiler();
        TableShape root = spec.mapping().table();
        String where = spec.where();
        if (byId) {
            String idCondition = root.table() + '.' + root.idColumn() + " = :" + RootBinds.ID_PARAMETER;
            where = where == null ? idCondition : "(" + where + ") AND " + idCondition;
        }
        RootShaping shaping = new RootShaping(where, spec.orderBy(), spec.limit() != null || spec.offset() != null);
        Scope scope = new Scope();
        PlanSpec.Source<E> source = spec.source();
        boolean callerStatement = source != null && source.sql() != null;
        boolean recursive = source != null && source.recursive() != null;
        // A subquery cannot repeat a caller's statement, nor a recursive walk: it finds no parents there.
        KeySource rootKeys = callerStatement || recursive ? null
                : new KeySource(RowSource.root(root, shaping), List.of(), LoadState.ROOT_BINDS, null);
        Statement<E> statement = compiler.statement(spec, 0,
                new Position(List.of(), rootKeys, null, callerStatement), scope);
        StatementTree<E> tree;
        if (callerStatement) {
            String sql = SqlComposer.callerStatement(source.sql(), PlanSpec.COLUMNS, statement.tree());
            tree = new StatementTree<>(sql, statement.reader(), scope.steps, scope.readers);
        } else if (recursive) {
            Relation<E, E> relation = source.recursive();
            String sql = SqlComposer.recursiveRoot(statement.tree(), shaping, relation.shape());
            int parentKeyIndex = root.indexOf(relation.shape().targetColumn());
            tree = new StatementTree<>(sql, statement.reader(), scope.steps, scope.readers,
                    new StatementTree.Recursion<>(relation, statement.tree().columnCount(), parentKeyIndex));
        } else {
            String rootSql = SqlComposer.root(statement.tree(), shaping);
            tree = new StatementTree<>(rootSql, statement.reader(), scope.steps, scope.readers);
        }
        for (String warning : compiler.warnings) {
            LOG.warn(warning);
        }
        return new CompiledPlan<>(tree, compiler.lazyLoads, compiler.warnings);
    }

    /**
     * Compiles the node read at {@code offset} of a statement, with everything joined below it; other links
     * below it become steps of {@code scope} or lazy trees.
     */
    private <E> Statement<E> statement(PlanSpec<E> spec, int offset, Position position, Scope scope) {
        EntityMapping<E> mapping = spec.mapping();
        Strategy wildcard = spec.defaultStrategy() != null ? spec.defaultStrategy() : position.wildcard();
        int readerId = scope.readers++;
        Map<Relation<E, ?>, LinkSpec<E, ?>> named = new HashMap<>();
        for (LinkSpec<E, ?> link : spec.links()) {
            named.put(link.relation(), link);
        }
        List<SelectTree.Join> joins = new ArrayList<>();
        List<NodeReader.Joined<E, ?>> joined = new ArrayList<>();
        List<NodeReader.Batched<E, ?>> batched = new ArrayList<>();
        List<NodeReader.Lazy<E, ?>> lazy = new ArrayList<>();
        List<NodeReader.Unloaded<E, ?>> unloaded = new ArrayList<>();
        List<NodeReader.Claimed<E, ?>> claimed = new ArrayList<>();
        PlanSpec.Source<E> source = spec.source();
        Map<Relation<E, ?>, String> contained = source == null ? Map.of() : source.contained();
        Relation<E, E> recursive = source == null ? null : source.recursive();
        List<Runnable> later = new ArrayList<>();
        int childOffset = offset + mapping.table().columns().size();
        Relation<E, ?> firstJoinedCollection = null;
        for (Relation<E, ?> relation : mapping.relations()) {
            if (relation == recursive) {
                claimed.add(new NodeReader.Claimed<>(relation));
                continue;
            }
            String callerAlias = contained.get(relation);
            LinkSpec<E, ?> link = named.containsKey(relation) ? named.get(relation)
                    : byDefault(relation, position, mapping, wildcard);
            if (callerAlias != null) {
                link = relink(link, Strategy.JOINED);
            }
            Strategy strategy = fitted(link, position, named.containsKey(relation), callerAlias != null);
            link = relink(link, strategy);
            if ((strategy == Strategy.LAZY || strategy == Strategy.RAISE) && !relation.canDefer()
                    && named.containsKey(relation)) {
                throw new LoadPlanException(relation.qualifiedName() + " is a plain reference and cannot be "
                        + strategy + "; declare the field Ref<" + relation.target().entityName() + ">");
            }
            switch (strategy) {
                case JOINED -> {
                    KeySource childKeys = position.keys() == null ? null
                            : position.keys().through(relation.shape(), relation.target().table());
                    Statement<?> child = statement(link.target(), childOffset,
                            position.below(mapping, childKeys, wildcard), scope);
                    joins.add(new SelectTree.Join(relation.shape(), child.tree(), callerAlias));
                    boolean multiplies = relation.shape().many() || child.tree().joinsCollection();
                    // Rows multiply under a second joined collection: its children no longer come in runs.
                    boolean distinct = firstJoinedCollection != null && multiplies;
                    if (distinct) {
                        warnings.add(firstJoinedCollection.qualifiedName() + " and " + relation.qualifiedName()
                                + " are both JOINED into one statement, so it returns every combination of their "
                                + "rows for each " + mapping.entityName() + ". The graph is right, but the rows "
                                + "multiply: load one of them SELECT_IN instead.");
                    } else if (multiplies) {
                        firstJoinedCollection = relation;
                    }
                    joined.add(joinedReader(link, child, distinct));
                    childOffset += child.tree().columnCount();
                }
                case SELECT_IN, SUBQUERY, IMMEDIATE -> {
                    int stepId = scope.steps.size();
                    scope.steps.add(null);
                    batched.add(new NodeReader.Batched<>(relation, keyIndex(mapping, relation), stepId));
                    // Compiled once this statement is complete, so a parent's step always runs before its
                    // children's.
                    LinkSpec<E, ?> step = link;
                    later.add(() -> compileStep(step, stepId, position.inOwnStatement(), mapping, wildcard, scope));
                }
                case LAZY -> lazy.add(lazyLink(link, keyIndex(mapping, relation),
                        position.below(mapping, null, wildcard)));
                case NO_LOAD, RAISE -> unloaded.add(new NodeReader.Unloaded<>(relation, strategy));
            }
        }
        NodeReader<E> reader = new NodeReader<>(readerId, mapping, offset, joined, batched, lazy, unloaded, claimed);
        Statement<E> statement = new Statement<>(SelectTree.of(mapping.table(), joins), reader);
        later.forEach(Runnable::run);
        return statement;
    }

    /**
     * The link a plan gets for a relationship it does not name: the declared default, unless that loads eagerly
     * into an entity already on the path, which would never end.
     */
    private static <E, C> LinkSpec<E, C> byDefault(Relation<E, C> relation, Position position,
            EntityMapping<E> mapping, Strategy wildcard) {
        Strategy strategy = wildcard != null ? wildcard : relation.declaredStrategy();
        if (!relation.canDefer() && (strategy == Strategy.LAZY || strategy == Strategy.RAISE)) {
            // A plain reference field cannot hold a lazy or raising value: it stays null, as unloaded.
            strategy = Strategy.NO_LOAD;
        }
        boolean eager = strategy != Strategy.LAZY && strategy != Strategy.NO_LOAD && strategy != Strategy.RAISE;
        if (eager && (relation.target() == mapping || position.path().contains(relation.target()))) {
            strategy = Strategy.RAISE;
        }
        return new LinkSpec<>(relation, strategy, PlanSpec.of(relation.target()));
    }

    /**
     * The strategy a link can have where it sits. In a caller's statement only the relationships it contains are
     * joined, and where no statement can be repeated, a subquery cannot be written: a link the plan names that
     * way is an error, a default falls back to {@code SELECT_IN}, which loads the same graph.
     */
    private static Strategy fitted(LinkSpec<?, ?> link, Position position, boolean named, boolean contained) {
        Strategy strategy = link.strategy();
        String name = link.relation().qualifiedName();
        if (strategy == Strategy.JOINED && position.callerStatement() && !contained) {
            if (named) {
                throw new LoadPlanException(name + " cannot be JOINED into the caller's own statement: write the "
                        + "join there and use contains" + capitalized(link.relation()) + "(), or load it SELECT_IN");
            }
            return Strategy.SELECT_IN;
        }
        if (strategy == Strategy.SUBQUERY && position.keys() == null) {
            if (named) {
                throw new LoadPlanException(name + " cannot be a SUBQUERY here: a caller's own statement or a "
                        + "recursive load cannot be repeated as a subquery; load it SELECT_IN");
            }
            return Strategy.SELECT_IN;
        }
        return strategy;
    }

    private static String capitalized(Relation<?, ?> relation) {
        String name = relation.shape().name();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static <E, C> LinkSpec<E, C> relink(LinkSpec<E, C> link, Strategy strategy) {
        return strategy == link.strategy() ? link : new LinkSpec<>(link.relation(), strategy, link.target());
    }

    private static <E> int keyIndex(EntityMapping<E> mapping, Relation<E, ?> relation) {
        return mapping.table().indexOf(relation.shape().sourceColumn());
    }

    private static <P, C> NodeReader.Joined<P, C> joinedReader(LinkSpec<P, C> link, Statement<?> child,
            boolean distinct) {
        @SuppressWarnings("unchecked")
        NodeReader<C> reader = (NodeReader<C>) child.reader();
        return new NodeReader.Joined<>(link.relation(), reader, distinct);
    }

    private <P, C> NodeReader.Lazy<P, C> lazyLink(LinkSpec<P, C> link, int keyIndex, Position below) {
        Relation<P, C> relation = link.relation();
        LazyLoad<C> load = new LazyLoad<>(relation.qualifiedName(), () -> lazyTree(link, below));
        lazyLoads.add(load);
        return new NodeReader.Lazy<>(relation, keyIndex, load);
    }

    /** What a lazy link runs: compiled on first need, by a compiler of its own, with the same defaults. */
    private static <P, C> StatementTree<C> lazyTree(LinkSpec<P, C> link, Position below) {
        PlanCompiler compiler = new PlanCompiler();
        Relation<P, C> relation = link.relation();
        TableShape target = relation.target().table();
        Scope scope = new Scope();
        // A subquery below a lazy link repeats the lazy statement, its one key bound as an array.
        KeySource keys = new KeySource(RowSource.children(relation.shape(), target, " = ANY(?)"), List.of(),
                LoadState.TREE_KEYS, relation.keyArrayType());
        Statement<C> statement = compiler.statement(link.target(), SqlComposer.targetOffset(relation.shape()),
                new Position(below.path(), keys, below.wildcard(), false), scope);
        for (String warning : compiler.warnings) {
            LOG.warn(warning);
        }
        String sql = SqlComposer.perParent(relation.shape(), statement.tree());
        return new StatementTree<>(sql, statement.reader(), scope.steps, scope.readers);
    }

    private <P, C> void compileStep(LinkSpec<P, C> link, int stepId, Position position, EntityMapping<P> parent,
            Strategy wildcard, Scope scope) {
        Relation<P, C> relation = link.relation();
        TableShape target = relation.target().table();
        KeySource parents = position.keys();
        boolean subquery = link.strategy() == Strategy.SUBQUERY;
        // A subquery repeats how its parents were found, so it, and a subquery below it, binds what that statement
        // bound; SELECT_IN and IMMEDIATE keep the keys they bind, for a subquery below them to bind again.
        String parentKeys = subquery ? parents.keys(relation.shape().sourceColumn()) : null;
        KeySource childKeys = subquery
                ? new KeySource(RowSource.children(relation.shape(), target, " IN (" + parentKeys + ")"), List.of(),
                        parents.keysSlot(), parents.keysArrayType())
                : new KeySource(RowSource.children(relation.shape(), target, " = ANY(?)"), List.of(), stepId,
                        relation.keyArrayType());
        Statement<C> statement = statement(link.target(), SqlComposer.targetOffset(relation.shape()),
                position.below(parent, childKeys, wildcard), scope);
        String sql = switch (link.strategy()) {
            case SUBQUERY -> SqlComposer.subquery(relation.shape(), statement.tree(), parentKeys);
            case SELECT_IN -> SqlComposer.selectIn(relation.shape(), statement.tree());
            default -> SqlComposer.perParent(relation.shape(), statement.tree());
        };
        scope.steps.set(stepId, new BatchedStep<>(stepId, relation, link.strategy(), sql, statement.reader(),
                SqlComposer.parentKeyIndex(relation.shape(), target),
                subquery ? parents.keysSlot() : LoadState.ROOT_BINDS, subquery ? parents.keysArrayType() : null));
    }
}
