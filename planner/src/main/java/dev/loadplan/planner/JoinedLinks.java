package dev.loadplan.planner;

import dev.loadplan.planner.sql.SelectTree;
import dev.loadplan.planner.sql.SqlComposer;
import java.util.List;

/** {@code JOINED}: a join of the parent's statement, its columns after the parent's. */
final class JoinedLinks implements LinkPlanning {

    static final JoinedLinks LINKS = new JoinedLinks();

    private JoinedLinks() {
    }

    /**
     * In a nested column or a caller's statement a join cannot be written: NESTED reads the same children from a
     * nested column, SELECT_IN from the caller's rows, unless the caller's statement joins the link itself.
     */
    @Override
    public LoadStrategy fitted(PlanShape.Link<?, ?> link, Position<?, ?> position, boolean named,
            boolean contained) {
        if (position.nested()) {
            // A nested column holds rows of one table; NESTED reads the same children in the same statement.
            if (named) {
                // Refused as the plan is built; a plan repeated by depth(n) can still put one here.
                throw PlanShape.joinedInNestedColumn(link.relation());
            }
            return LoadStrategy.NESTED;
        }
        if (position.callerStatement() && !contained) {
            if (named) {
                throw new PlanningException(link.relation().qualifiedName() + " cannot be JOINED into the caller's "
                        + "own statement: write the join there and use contains" + capitalized(link.relation())
                        + "(), or load it SELECT_IN");
            }
            return LoadStrategy.SELECT_IN;
        }
        return LoadStrategy.JOINED;
    }

    @Override
    public <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> void plan(Planner<E, R> planner,
            NodeBuilder<E, R> node, PlanShape.Link<E, R> link) {
        R relation = link.relation();
        SqlComposer.Criteria criteria = Planner.criteria(link);
        Planner.Statement<E, R> child = planner.statement(link.target(), node.childOffset,
                node.below(relation, node.keysThrough(relation, criteria)), node.scope);
        node.joins.add(new SelectTree.Join(relation.shape(), child.tree(), node.callerAlias(relation), criteria));
        boolean multiplies = relation.shape().many() || child.tree().joinsCollection();
        // Rows multiply under a second joined collection: its children no longer come in runs.
        boolean distinct = node.firstJoinedCollection != null && multiplies;
        if (distinct) {
            planner.warn(siblings(node, relation));
        } else if (multiplies) {
            node.firstJoinedCollection = relation;
        }
        node.joined.add(new NodePlan.Joined<>(relation, child.reader(), distinct, node.backReference(relation)));
        node.childOffset += child.tree().columnCount();
    }

    private static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> PlanWarning<R> siblings(
            NodeBuilder<E, R> node, R relation) {
        R first = node.firstJoinedCollection;
        return new PlanWarning<>(PlanWarning.Kind.JOINED_SIBLINGS, List.of(first, relation), first.qualifiedName()
                + " and " + relation.qualifiedName() + " are both JOINED into one statement, so it returns every "
                + "combination of their rows for each " + node.entity.entityName() + ". The graph is right, but the "
                + "rows multiply: load one of them SELECT_IN instead.");
    }

    private static String capitalized(MappedRelation<?, ?> relation) {
        String name = relation.shape().name();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
