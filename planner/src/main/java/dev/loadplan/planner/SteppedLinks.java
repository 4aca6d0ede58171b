package dev.loadplan.planner;

import dev.loadplan.planner.sql.JdbcSql;
import dev.loadplan.planner.sql.RowSource;
import dev.loadplan.planner.sql.SqlComposer;
import dev.loadplan.planner.sql.TableShape;
import java.util.List;

/**
 * {@code SELECT_IN}, {@code SUBQUERY} and {@code IMMEDIATE}: a step of its own after the parent's statement, with
 * the parents' keys bound as an array ({@code SELECT_IN}), the parents' statement repeated ({@code SUBQUERY}), or
 * once per parent ({@code IMMEDIATE}).
 */
final class SteppedLinks implements LinkPlanning {

    static final SteppedLinks LINKS = new SteppedLinks();

    private SteppedLinks() {
    }

    /**
     * Where no statement can be repeated (a caller's own statement, a recursive load), a subquery cannot be
     * written: SELECT_IN loads the same graph.
     */
    @Override
    public LoadStrategy fitted(PlanShape.Link<?, ?> link, Position<?, ?> position, boolean named,
            boolean contained) {
        if (link.strategy() == LoadStrategy.SUBQUERY && position.keys() == null) {
            if (named) {
                throw new PlanningException(link.relation().qualifiedName() + " cannot be a SUBQUERY here: a caller's "
                        + "own statement or a recursive load cannot be repeated as a subquery; load it SELECT_IN");
            }
            return LoadStrategy.SELECT_IN;
        }
        return link.strategy();
    }

    @Override
    public <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> void plan(Planner<E, R> planner,
            NodeBuilder<E, R> node, PlanShape.Link<E, R> link) {
        int stepId = node.scope.steps.size();
        node.scope.steps.add(null);
        node.batched.add(new NodePlan.Batched<>(link.relation(), node.keyIndex(link.relation()), stepId));
        // Planned once this statement is complete, so a parent's step always runs before its children's.
        node.later(() -> step(planner, node, link, stepId));
    }

    private static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> void step(Planner<E, R> planner,
            NodeBuilder<E, R> node, PlanShape.Link<E, R> link, int stepId) {
        R relation = link.relation();
        TableShape target = relation.target().table();
        KeySource parents = node.position.keys();
        boolean subquery = link.strategy() == LoadStrategy.SUBQUERY;
        // A subquery repeats how its parents were found, so it, and a subquery below it, binds what that statement
        // bound; SELECT_IN and IMMEDIATE keep the keys they bind, for a subquery below them to bind again.
        String parentKeys = subquery ? parents.keys(relation.shape().sourceColumn()) : null;
        SqlComposer.Criteria criteria = Planner.criteria(link);
        KeySource childKeys = subquery
                ? new KeySource(RowSource.children(relation.shape(), target, " IN (" + parentKeys + ")", criteria),
                        List.of(), parents.keysSlot(), parents.keysArrayType())
                : new KeySource(RowSource.children(relation.shape(), target, " = ANY(?)", criteria), List.of(),
                        stepId, relation.keyArrayType());
        Position<E, R> below = node.position.inOwnStatement().below(node.entity, relation, childKeys, node.wildcard);
        Planner.Statement<E, R> statement = planner.statement(link.target(),
                SqlComposer.targetOffset(relation.shape(), target), below, node.scope);
        String sql = sql(link.strategy(), relation, statement, parentKeys, criteria);
        R backReference = node.backReference(relation);
        boolean answeredFromGraph = link.strategy().runsPerParent()
                && Planner.keyIsTargetId(relation, backReference) && !criteria.any()
                && statement.reader().readsOnlyItsEntity();
        node.scope.steps.set(stepId, new StepPlan<>(stepId, node.entity, relation, link.strategy(), sql,
                statement.reader(), SqlComposer.parentKeyIndex(relation.shape(), target),
                subquery ? parents.keysSlot() : StepPlan.ROOT_BINDS, subquery ? parents.keysArrayType() : null,
                backReference, below.path(),
                subquery && parents.keysSlot() == StepPlan.ROOT_BINDS && planner.rootHoldsCallerSql() ? null
                        : JdbcSql.of(sql), answeredFromGraph));
    }

    private static String sql(LoadStrategy strategy, MappedRelation<?, ?> relation, Planner.Statement<?, ?> statement,
            String parentKeys, SqlComposer.Criteria criteria) {
        return switch (strategy) {
            case SUBQUERY -> SqlComposer.subquery(relation.shape(), statement.tree(), parentKeys, criteria);
            case SELECT_IN -> SqlComposer.selectIn(relation.shape(), statement.tree(), criteria);
            case IMMEDIATE -> SqlComposer.perParent(relation.shape(), statement.tree(), criteria);
            default -> throw new IllegalArgumentException(strategy + " is not planned as a step");
        };
    }
}
