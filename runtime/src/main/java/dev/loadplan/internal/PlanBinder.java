package dev.loadplan.internal;

import dev.loadplan.planner.NodePlan;
import dev.loadplan.planner.StatementPlan;
import dev.loadplan.planner.StepPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Binds what the planner planned to what the runtime runs: a statement tree and its steps, which read the planner's
 * records as they are. The planner hands back the generated mappings and relations it was given, as any mapping
 * ({@code EntityMapping<?>}) and any relation ({@code Relation<?, ?>}); which entities each one holds follows from
 * where it sits in the plan (a reader's links are relations of its entity, a step's relation leads from the parents it
 * has keys of to what its reader reads), which the compiler cannot see. The conversions that say so ({@link #mapping},
 * {@link #typed}) and the arrays of a node's links ({@link #array}) are unchecked, sound because the planner only ever
 * plans with what the runtime gave it, and are here alone.
 */
final class PlanBinder {

    private PlanBinder() {
    }

    /**
     * What runs {@code plan}, called {@code name} in a failure; a failing step names {@code within} too (the plan, or
     * the lazy read) unless its relationship is of {@code rootEntity}, whose name says it. {@code backReference}, for
     * what a lazy relationship runs, is the field of each row read that holds the parent it was run for.
     */
    static <E> StatementTree<E> tree(StatementPlan<EntityMapping<?>, Relation<?, ?>> plan, StatementName name,
            String rootEntity, String within, Relation<?, ?> backReference) {
        List<BatchedStep<?, ?>> steps = new ArrayList<>(plan.steps().size());
        for (StepPlan<EntityMapping<?>, Relation<?, ?>> step : plan.steps()) {
            steps.add(step(step, rootEntity, within));
        }
        return new StatementTree<>(plan, name, steps, backReference);
    }

    /**
     * The step {@code plan} plans. A failure calls it by its relationship and strategy, and names {@code within} (the
     * plan or lazy read it runs in) unless the relationship is of {@code rootEntity}: {@code Author.books (SELECT_IN)},
     * {@code Book.reviews (SELECT_IN), in a plan of Author,} (before "failed").
     */
    private static BatchedStep<?, ?> step(StepPlan<EntityMapping<?>, Relation<?, ?>> plan, String rootEntity,
            String within) {
        String relationship = plan.relation().qualifiedName();
        String what = relationship + " (" + plan.strategy() + ")"
                + (rootEntity != null && relationship.startsWith(rootEntity + ".") ? "" : ", in " + within + ",");
        StatementName name = new StatementName(what, relationship, Strategies.of(plan.strategy()));
        return switch (plan.strategy()) {
            case SELECT_IN -> new SelectInStep<>(plan, name);
            case SUBQUERY -> new SubqueryStep<>(plan, name);
            case IMMEDIATE -> new ImmediateStep<>(plan, name);
            // Listed rather than a default, so a new strategy does not compile until it says whether it is a step.
            case JOINED, NESTED, LAZY, NO_LOAD, RAISE ->
                    throw new IllegalArgumentException(plan.strategy() + " runs no step of its own");
        };
    }

    /** The generated mapping of the entity {@code node} reads, as the reader of {@code E} that reads it. */
    @SuppressWarnings("unchecked")
    static <E> EntityMapping<E> mapping(NodePlan<EntityMapping<?>, Relation<?, ?>> node) {
        return (EntityMapping<E>) node.entity();
    }

    /**
     * {@code relation} as a relation from entities of {@code P} to entities of {@code C}, as where it sits in the plan
     * says: from the entity of the reader whose link it is to that of its target's reader, or from a step's parents
     * to what the step reads.
     */
    @SuppressWarnings("unchecked")
    static <P, C> Relation<P, C> typed(Relation<?, ?> relation) {
        return (Relation<P, C>) relation;
    }

    /**
     * A node's {@code links} as an array, made by {@code newArray} ({@code NodePlan.Joined[]::new}), which a reader
     * walks on every row with no iterator.
     */
    @SuppressWarnings("unchecked")
    static <L> L[] array(List<L> links, IntFunction<Object[]> newArray) {
        return links.toArray((L[]) newArray.apply(links.size()));
    }
}
