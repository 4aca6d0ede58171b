package dev.loadplan.planner;

import dev.loadplan.planner.sql.RelationShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the nodes of a plan whose rows never repeat an entity, so the runtime reads them without the identity map:
 * in a load of authors, their books and the books' reviews, each review row is a review no other row holds, and
 * looking every one up only costs time and memory.
 *
 * <p>A node's rows are distinct when its entity is read at no other node of the plan (no other path can bring the
 * same row) and its statement's rows are one per entity there: the statement's first node is reached by a relation
 * that returns each target row once, and every joined hop down to the node is a collection whose foreign key is in
 * its target (each child row has one parent), with no other joined collection in the statement to multiply rows.
 * A node read from a nested column counts as a node of its entity; its rows are distinct when each child has one
 * parent, whose column is read once. A plan with lazy links or a recursive statement keeps the identity map
 * everywhere: a lazy read joins the same graph later, with entities no plan lists in advance, and a recursive
 * statement reads one entity at every depth.
 */
final class DistinctRows<E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> {

    private final Map<E, Integer> nodesByEntity = new HashMap<>();

    private DistinctRows() {
    }

    /**
     * {@code plan} with its distinct nodes marked. {@code callerStatement}: the root statement is the caller's, whose
     * rows can repeat anything.
     */
    static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> StatementPlan<E, R> mark(
            StatementPlan<E, R> plan, boolean callerStatement) {
        DistinctRows<E, R> rows = new DistinctRows<>();
        rows.count(plan.reader());
        for (StepPlan<E, R> step : plan.steps()) {
            rows.count(step.reader());
        }
        NodePlan<E, R> root = rows.markedStatement(plan.reader(), !callerStatement);
        List<StepPlan<E, R>> steps = new ArrayList<>();
        for (StepPlan<E, R> step : plan.steps()) {
            // A step binds each parent key once; only through an association table does a target row come back.
            boolean once = step.relation().shape().kind() != RelationShape.Kind.JOIN_TABLE;
            NodePlan<E, R> reader = rows.markedStatement(step.reader(), once);
            steps.add(new StepPlan<>(step.id(), step.parent(), step.relation(), step.strategy(), step.sql(), reader,
                    step.parentKeyIndex(), step.keysSlot(), step.keysArrayType(), step.backReference(), step.path(),
                    step.jdbc(), step.answeredFromGraph()));
        }
        return new StatementPlan<>(plan.sql(), root, steps, plan.readerCount(), plan.recursion(), plan.warnings(),
                plan.jdbc());
    }

    private void count(NodePlan<E, R> node) {
        nodesByEntity.merge(node.entity(), 1, Integer::sum);
        for (NodePlan.Joined<E, R> link : node.joined()) {
            count(link.target());
        }
        for (NodePlan.Nested<E, R> link : node.nested()) {
            count(link.target());
        }
    }

    /**
     * The joins of the statement read from {@code node} down that can return several rows for one parent: the
     * collections, and the inverse side of a one-to-one, which the database does not stop from matching twice.
     */
    private int multiplying(NodePlan<E, R> node) {
        int count = 0;
        for (NodePlan.Joined<E, R> link : node.joined()) {
            count += (multiplies(link.relation().shape()) ? 1 : 0) + multiplying(link.target());
        }
        return count;
    }

    private static boolean multiplies(RelationShape shape) {
        return shape.many() || shape.kind() != RelationShape.Kind.FOREIGN_KEY_IN_SOURCE;
    }

    /**
     * {@code node} and the nodes joined below it, marked. {@code oneParent}: each entity at {@code node} is under
     * one row of the statement's first node, reached by joins whose target rows each have one parent;
     * {@code multiplyingAbove}: the joins on that path that can multiply rows; {@code multiplyingInStatement}: all
     * of them. When every join that multiplies is on the path, each row holds a different entity at the node.
     */
    private NodePlan<E, R> marked(NodePlan<E, R> node, boolean oneParent, int multiplyingAbove,
            int multiplyingInStatement) {
        boolean distinct = oneParent && multiplyingAbove == multiplyingInStatement
                && nodesByEntity.get(node.entity()) == 1;
        List<NodePlan.Joined<E, R>> joined = new ArrayList<>();
        for (NodePlan.Joined<E, R> link : node.joined()) {
            RelationShape shape = link.relation().shape();
            boolean childOneParent = oneParent && onlyChildOf(node, shape);
            NodePlan<E, R> target = marked(link.target(), childOneParent,
                    multiplyingAbove + (multiplies(shape) ? 1 : 0), multiplyingInStatement);
            joined.add(new NodePlan.Joined<>(link.relation(), target, link.distinct(), link.backReference()));
        }
        List<NodePlan.Nested<E, R>> nested = new ArrayList<>();
        for (NodePlan.Nested<E, R> link : node.nested()) {
            // A nested column is read once per parent, on its first visit: a child whose foreign key points at the
            // parent's key is in no other parent's column, and a column's rows hold no joins to multiply them.
            boolean childOneParent = onlyChildOf(node, link.relation().shape())
                    && nodesByEntity.get(node.entity()) == 1;
            nested.add(new NodePlan.Nested<>(link.relation(), link.column(),
                    marked(link.target(), childOneParent, 0, 0), link.backReference()));
        }
        return new NodePlan<>(node.id(), node.entity(), node.offset(), joined, nested, node.batched(), node.lazy(),
                node.unloaded(), node.claimed(), distinct);
    }

    /** Whether each target row of {@code shape} has one parent at {@code node}: its foreign key holds the key. */
    private boolean onlyChildOf(NodePlan<E, R> node, RelationShape shape) {
        return shape.kind() == RelationShape.Kind.FOREIGN_KEY_IN_TARGET
                && shape.sourceColumn().equals(node.entity().table().idColumn());
    }

    /** The statement read from {@code first} marked; {@code rowsOnce}: its query returns each target row once. */
    private NodePlan<E, R> markedStatement(NodePlan<E, R> first, boolean rowsOnce) {
        return marked(first, rowsOnce, 0, multiplying(first));
    }
}
