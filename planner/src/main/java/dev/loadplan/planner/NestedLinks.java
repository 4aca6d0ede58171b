package dev.loadplan.planner;

import dev.loadplan.planner.sql.SelectTree;
import dev.loadplan.planner.sql.SqlComposer;

/** {@code NESTED}: one column of the parent's statement holding the children's rows, so they never multiply it. */
final class NestedLinks implements LinkPlanning {

    static final NestedLinks LINKS = new NestedLinks();

    private NestedLinks() {
    }

    @Override
    public <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> void plan(Planner<E, R> planner,
            NodeBuilder<E, R> node, PlanShape.Link<E, R> link) {
        R relation = link.relation();
        SqlComposer.Criteria criteria = Planner.criteria(link);
        // The children's columns are the rows of the nested column, read from their first column on.
        Planner.Statement<E, R> child = planner.statement(link.target(), 0,
                node.below(relation, node.keysThrough(relation, criteria)).inNestedColumn(), node.scope);
        node.joins.add(SelectTree.Join.nested(relation.shape(), child.tree(), criteria));
        node.nested.add(new NodePlan.Nested<>(relation, node.childOffset, child.reader(),
                node.backReference(relation)));
        node.childOffset++;
    }
}
