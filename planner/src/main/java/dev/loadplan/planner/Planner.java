package dev.loadplan.planner;

import dev.loadplan.planner.sql.JdbcSql;
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
 * loading authors must end. Joined links become joins of their parent's statement, nested links columns of it (and
 * what a nested column holds cannot be joined: joined below it becomes nested), batched and immediate links steps of
 * their own, lazy links statements planned on first need.
 */
public final class Planner {

    private final List<LazyPlan> lazies = new ArrayList<>();
    private final List<PlanWarning> warnings = new ArrayList<>();
    /** Whether the root statement holds SQL the caller wrote, which a subquery repeating it holds too. */
    private boolean rootHoldsCallerSql;

    private Planner() {
    }

    /** The steps and readers of one statement tree while it is planned. */
    private static final class Scope {
        final List<StepPlan> steps = new ArrayList<>();
        int readers;
    }

    /** One statement's share of the plan: the tables it selects and how to read them. */
    private record Statement(SelectTree tree, NodePlan reader) {
    }

    /** Plans {@code shape}: its root statement, the steps after it, and its lazy relationships. */
    public static PlannedLoad plan(PlanShape shape) {
        Planner planner = new Planner();
        TableShape root = shape.entity().table();
        String where = shape.where();
        if (shape.byId()) {
            String idCondition = root.table() + '.' + root.idColumn() + " = :" + RootShaping.ID_PARAMETER;
            where = where == null ? idCondition : "(" + where + ") AND " + idCondition;
        }
        RootShaping shaping = new RootShaping(where, shape.orderBy(), shape.paged());
        Scope scope = new Scope();
        PlanShape.Source source = shape.source();
        boolean callerStatement = shape.fromCallerStatement();
        planner.rootHoldsCallerSql = callerStatement || shape.where() != null || shape.orderBy() != null
                || joinsWithCriteria(shape);
        boolean recursive = source != null && source.recursive() != null;
        // A subquery cannot repeat a caller's statement, nor a recursive walk: it finds no parents there.
        KeySource rootKeys = callerStatement || recursive ? null
                : new KeySource(RowSource.root(root, shaping), List.of(), StepPlan.ROOT_BINDS, null);
        Statement statement = planner.statement(shape, 0,
                new Position(List.of(), "", rootKeys, null, callerStatement, false), scope);
        String sql;
        StatementPlan.Recursion recursion = null;
        if (callerStatement) {
            sql = SqlComposer.callerStatement(source.sql(), PlanShape.COLUMNS, statement.tree());
        } else if (recursive) {
            MappedRelation relation = source.recursive();
            sql = SqlComposer.recursiveRoot(statement.tree(), shaping, relation.shape());
            recursion = new StatementPlan.Recursion(relation, statement.tree().columnCount(),
                    root.indexOf(relation.shape().targetColumn()), Inverses.backReference(shape.entity(), relation));
        } else {
            sql = SqlComposer.root(statement.tree(), shaping);
        }
        StatementPlan tree = new StatementPlan(sql, statement.reader(), scope.steps, scope.readers, recursion,
                planner.warnings, planner.rootHoldsCallerSql ? null : JdbcSql.of(sql));
        if (planner.lazies.isEmpty() && recursion == null) {
            tree = DistinctRows.mark(tree, callerStatement);
        }
        return new PlannedLoad(tree, planner.lazies);
    }

    /**
     * Whether a link the plan names JOINED or NESTED, here or in the same statement below, has a condition or order of
     * its own: the caller's SQL is then in the root statement.
     */
    private static boolean joinsWithCriteria(PlanShape shape) {
        for (PlanShape.Link link : shape.links()) {
            if ((link.strategy() == LoadStrategy.JOINED || link.strategy() == LoadStrategy.NESTED)
                    && (criteria(link).any() || joinsWithCriteria(link.target()))) {
                return true;
            }
        }
        return false;
    }

    /** What the plan of a link says of the rows it loads: its {@code where} and {@code orderBy}. */
    private static SqlComposer.Criteria criteria(PlanShape.Link link) {
        PlanShape target = link.target();
        String page = target.paged() ? SqlComposer.Criteria.pageOf(link.relation().qualifiedName()) : null;
        return target.where() == null && target.orderBy() == null && page == null ? SqlComposer.Criteria.NONE
                : new SqlComposer.Criteria(target.where(), target.orderBy(), page);
    }

    /**
     * Plans the node read at {@code offset} of a statement, with everything joined below it; other links below it
     * become steps of {@code scope} or lazy plans.
     */
    private Statement statement(PlanShape shape, int offset, Position position, Scope scope) {
        MappedEntity entity = shape.entity();
        LoadStrategy wildcard = shape.wildcard() != null ? shape.wildcard() : position.wildcard();
        int readerId = scope.readers++;
        Map<MappedRelation, PlanShape.Link> named = new HashMap<>();
        for (PlanShape.Link link : shape.links()) {
            named.put(link.relation(), link);
        }
        List<SelectTree.Join> joins = new ArrayList<>();
        List<NodePlan.Joined> joined = new ArrayList<>();
        List<NodePlan.Nested> nested = new ArrayList<>();
        List<NodePlan.Batched> batched = new ArrayList<>();
        List<NodePlan.Lazy> lazy = new ArrayList<>();
        List<NodePlan.Unloaded> unloaded = new ArrayList<>();
        List<MappedRelation> claimed = new ArrayList<>();
        PlanShape.Source source = shape.source();
        Map<MappedRelation, String> contained = source == null ? Map.of() : source.contained();
        MappedRelation recursive = source == null ? null : source.recursive();
        List<Runnable> later = new ArrayList<>();
        int childOffset = offset + entity.table().columns().size();
        MappedRelation firstJoinedCollection = null;
        for (MappedRelation relation : entity.relations()) {
            if (relation == recursive) {
                claimed.add(relation);
                continue;
            }
            String callerAlias = contained.get(relation);
            boolean isNamed = named.containsKey(relation);
            PlanShape.Link link = isNamed ? named.get(relation) : byDefault(relation, position, entity, wildcard);
            if (callerAlias != null) {
                link = relink(link, LoadStrategy.JOINED);
            }
            LoadStrategy strategy = fitted(link, position, isNamed, callerAlias != null);
            link = relink(link, strategy);
            if (!strategy.fits(relation.canDefer()) && isNamed) {
                throw new PlanningException(relation.qualifiedName() + " is a plain reference and cannot be "
                        + strategy + "; declare the field Ref<" + relation.target().entityName() + ">");
            }
            MappedRelation backReference = Inverses.backReference(entity, relation);
            switch (strategy) {
                case JOINED -> {
                    SqlComposer.Criteria criteria = criteria(link);
                    KeySource childKeys = position.keys() == null ? null
                            : position.keys().through(relation.shape(), relation.target().table(), criteria);
                    Statement child = statement(link.target(), childOffset,
                            position.below(entity, relation, childKeys, wildcard), scope);
                    joins.add(new SelectTree.Join(relation.shape(), child.tree(), callerAlias, criteria));
                    boolean multiplies = relation.shape().many() || child.tree().joinsCollection();
                    // Rows multiply under a second joined collection: its children no longer come in runs.
                    boolean distinct = firstJoinedCollection != null && multiplies;
                    if (distinct) {
                        warnings.add(new PlanWarning(PlanWarning.Kind.JOINED_SIBLINGS,
                                List.of(firstJoinedCollection, relation), firstJoinedCollection.qualifiedName()
                                + " and " + relation.qualifiedName() + " are both JOINED into one statement, so it "
                                + "returns every combination of their rows for each " + entity.entityName() + ". The "
                                + "graph is right, but the rows multiply: load one of them SELECT_IN instead."));
                    } else if (multiplies) {
                        firstJoinedCollection = relation;
                    }
                    joined.add(new NodePlan.Joined(relation, child.reader(), distinct, backReference));
                    childOffset += child.tree().columnCount();
                }
                case NESTED -> {
                    SqlComposer.Criteria criteria = criteria(link);
                    KeySource childKeys = position.keys() == null ? null
                            : position.keys().through(relation.shape(), relation.target().table(), criteria);
                    // The children's columns are the rows of the nested column, read from their first column on.
                    Statement child = statement(link.target(), 0,
                            position.below(entity, relation, childKeys, wildcard).inNestedColumn(), scope);
                    joins.add(SelectTree.Join.nested(relation.shape(), child.tree(), criteria));
                    nested.add(new NodePlan.Nested(relation, childOffset, child.reader(), backReference));
                    childOffset++;
                }
                case SELECT_IN, SUBQUERY, IMMEDIATE -> {
                    int stepId = scope.steps.size();
                    scope.steps.add(null);
                    batched.add(new NodePlan.Batched(relation, keyIndex(entity, relation), stepId));
                    // Planned once this statement is complete, so a parent's step always runs before its children's.
                    PlanShape.Link step = link;
                    later.add(() -> step(step, stepId, position.inOwnStatement(), entity, wildcard, backReference,
                            scope));
                }
                case LAZY -> lazy.add(lazyLink(entity, link, keyIndex(entity, relation), backReference,
                        position.below(entity, relation, null, wildcard)));
                case NO_LOAD, RAISE -> unloaded.add(new NodePlan.Unloaded(relation, strategy));
            }
        }
        NodePlan reader = new NodePlan(readerId, entity, offset, joined, nested, batched, lazy, unloaded, claimed,
                false);
        Statement statement = new Statement(SelectTree.of(entity.table(), joins), reader);
        later.forEach(Runnable::run);
        return statement;
    }

    /**
     * The link a plan gets for a relationship it does not name: the wildcard or the declared default, unless that
     * loads eagerly into an entity already on the path, which would never end.
     */
    private static PlanShape.Link byDefault(MappedRelation relation, Position position, MappedEntity entity,
            LoadStrategy wildcard) {
        LoadStrategy strategy = wildcard != null ? wildcard : relation.declaredStrategy();
        if (!strategy.fits(relation.canDefer())) {
            // A plain reference field cannot hold a lazy or raising value: it stays null, as unloaded.
            strategy = LoadStrategy.NO_LOAD;
        }
        if (strategy.eager() && (relation.target() == entity || position.ancestors().contains(relation.target()))) {
            strategy = relation.canDefer() ? LoadStrategy.RAISE : LoadStrategy.NO_LOAD;
        }
        return new PlanShape.Link(relation, strategy, PlanShape.of(relation.target()));
    }

    /**
     * The strategy a link can have where it sits. In a caller's statement only the relationships it contains are
     * joined, and where no statement can be repeated, a subquery cannot be written: a link the plan names that way
     * is an error, a default falls back to {@code SELECT_IN}, which loads the same graph.
     */
    private static LoadStrategy fitted(PlanShape.Link link, Position position, boolean named, boolean contained) {
        LoadStrategy strategy = link.strategy();
        String name = link.relation().qualifiedName();
        if (strategy == LoadStrategy.JOINED && position.nested()) {
            // A nested column holds rows of one table; NESTED reads the same children in the same statement.
            if (named) {
                // Refused as the plan is built; a plan repeated by depth(n) can still put one here.
                throw PlanShape.joinedInNestedColumn(link.relation());
            }
            return LoadStrategy.NESTED;
        }
        if (strategy == LoadStrategy.JOINED && position.callerStatement() && !contained) {
            if (named) {
                throw new PlanningException(name + " cannot be JOINED into the caller's own statement: write the "
                        + "join there and use contains" + capitalized(link.relation()) + "(), or load it SELECT_IN");
            }
            return LoadStrategy.SELECT_IN;
        }
        if (strategy == LoadStrategy.SUBQUERY && position.keys() == null) {
            if (named) {
                throw new PlanningException(name + " cannot be a SUBQUERY here: a caller's own statement or a "
                        + "recursive load cannot be repeated as a subquery; load it SELECT_IN");
            }
            return LoadStrategy.SELECT_IN;
        }
        return strategy;
    }

    private static String capitalized(MappedRelation relation) {
        String name = relation.shape().name();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static PlanShape.Link relink(PlanShape.Link link, LoadStrategy strategy) {
        return strategy == link.strategy() ? link : new PlanShape.Link(link.relation(), strategy, link.target());
    }

    private static int keyIndex(MappedEntity entity, MappedRelation relation) {
        return entity.table().indexOf(relation.shape().sourceColumn());
    }

    private NodePlan.Lazy lazyLink(MappedEntity parent, PlanShape.Link link, int keyIndex,
            MappedRelation backReference, Position below) {
        LazyPlan load = new LazyPlan(parent, link.relation(), below.path(), backReference,
                () -> lazyTree(link, below));
        lazies.add(load);
        return new NodePlan.Lazy(link.relation(), keyIndex, load);
    }

    /** What a lazy link runs: planned on first need, by a planner of its own, with the same defaults. */
    private static StatementPlan lazyTree(PlanShape.Link link, Position below) {
        Planner planner = new Planner();
        MappedRelation relation = link.relation();
        TableShape target = relation.target().table();
        Scope scope = new Scope();
        // A subquery below a lazy link repeats the lazy statement, its one key bound as an array.
        SqlComposer.Criteria criteria = criteria(link);
        KeySource keys = new KeySource(RowSource.children(relation.shape(), target, " = ANY(?)", criteria),
                List.of(), StepPlan.TREE_KEYS, relation.keyArrayType());
        Statement statement = planner.statement(link.target(), SqlComposer.targetOffset(relation.shape()),
                new Position(below.ancestors(), below.path(), keys, below.wildcard(), false, false), scope);
        String sql = SqlComposer.perParent(relation.shape(), statement.tree(), criteria);
        return new StatementPlan(sql, statement.reader(), scope.steps, scope.readers, null, planner.warnings,
                JdbcSql.of(sql));
    }

    private void step(PlanShape.Link link, int stepId, Position position, MappedEntity parent, LoadStrategy wildcard,
            MappedRelation backReference, Scope scope) {
        MappedRelation relation = link.relation();
        TableShape target = relation.target().table();
        KeySource parents = position.keys();
        boolean subquery = link.strategy() == LoadStrategy.SUBQUERY;
        // A subquery repeats how its parents were found, so it, and a subquery below it, binds what that statement
        // bound; SELECT_IN and IMMEDIATE keep the keys they bind, for a subquery below them to bind again.
        String parentKeys = subquery ? parents.keys(relation.shape().sourceColumn()) : null;
        SqlComposer.Criteria criteria = criteria(link);
        KeySource childKeys = subquery
                ? new KeySource(RowSource.children(relation.shape(), target, " IN (" + parentKeys + ")", criteria),
                        List.of(), parents.keysSlot(), parents.keysArrayType())
                : new KeySource(RowSource.children(relation.shape(), target, " = ANY(?)", criteria), List.of(),
                        stepId, relation.keyArrayType());
        Position below = position.below(parent, relation, childKeys, wildcard);
        Statement statement = statement(link.target(), SqlComposer.targetOffset(relation.shape()), below, scope);
        String sql = switch (link.strategy()) {
            case SUBQUERY -> SqlComposer.subquery(relation.shape(), statement.tree(), parentKeys, criteria);
            case SELECT_IN -> SqlComposer.selectIn(relation.shape(), statement.tree(), criteria);
            default -> SqlComposer.perParent(relation.shape(), statement.tree(), criteria);
        };
        scope.steps.set(stepId, new StepPlan(stepId, parent, relation, link.strategy(), sql, statement.reader(),
                SqlComposer.parentKeyIndex(relation.shape(), target),
                subquery ? parents.keysSlot() : StepPlan.ROOT_BINDS, subquery ? parents.keysArrayType() : null,
                backReference, below.path(),
                subquery && parents.keysSlot() == StepPlan.ROOT_BINDS && rootHoldsCallerSql ? null
                        : JdbcSql.of(sql)));
    }
}
