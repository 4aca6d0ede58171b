package dev.loadplan.planner;

import dev.loadplan.planner.sql.JdbcSql;
import dev.loadplan.planner.sql.RowSource;
import dev.loadplan.planner.sql.SqlComposer;
import dev.loadplan.planner.sql.TableShape;
import java.util.List;

/** {@code LAZY}: a {@link LazyPlan} whose statement is planned, and run, when the field is first read. */
final class LazyLinks implements LinkPlanning {

    static final LazyLinks LINKS = new LazyLinks();

    private LazyLinks() {
    }

    @Override
    public <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> void plan(Planner<E, R> planner,
            NodeBuilder<E, R> node, PlanShape.Link<E, R> link) {
        R relation = link.relation();
        Position<E, R> below = node.below(relation, null);
        R backReference = node.backReference(relation);
        LazyPlan<E, R> load = new LazyPlan<>(node.entity, relation, below.path(), backReference,
                Planner.keyIsTargetId(relation, backReference), Planner.criteria(link).any(),
                () -> tree(link, below));
        planner.lazy(load);
        node.lazy.add(new NodePlan.Lazy<>(relation, node.keyIndex(relation), load));
    }

    /** What a lazy link runs: planned on first need, by a planner of its own, with the same defaults. */
    private static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> StatementPlan<E, R> tree(
            PlanShape.Link<E, R> link, Position<E, R> below) {
        Planner<E, R> planner = new Planner<>();
        R relation = link.relation();
        TableShape target = relation.target().table();
        Planner.Scope<E, R> scope = new Planner.Scope<>();
        // A subquery below a lazy link repeats the lazy statement, its one key bound as an array.
        SqlComposer.Criteria criteria = Planner.criteria(link);
        KeySource keys = new KeySource(RowSource.children(relation.shape(), target, " = ANY(?)", criteria),
                List.of(), StepPlan.TREE_KEYS, relation.keyArrayType());
        Planner.Statement<E, R> statement = planner.statement(link.target(),
                SqlComposer.targetOffset(relation.shape(), target),
                new Position<>(below.ancestors(), below.path(), keys, below.wildcard(), false, false), scope);
        String sql = SqlComposer.perParent(relation.shape(), statement.tree(), criteria);
        return new StatementPlan<>(sql, statement.reader(), scope.steps, scope.readers, null, planner.warnings(),
                JdbcSql.of(sql));
    }
}
