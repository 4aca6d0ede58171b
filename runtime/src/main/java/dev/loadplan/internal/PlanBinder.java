package dev.loadplan.internal;

import dev.loadplan.planner.NodePlan;
import dev.loadplan.planner.StatementPlan;
import dev.loadplan.planner.StepPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds what the planner planned, which holds the generated mappings and relations it was given as any mapping
 * ({@code EntityMapping<?>}) and any relation ({@code Relation<?, ?>}), to what the runtime runs, typed by the entities
 * each reads: the readers of each statement, its steps, its recursion and back-references. The planner only ever
 * plans with the mappings and relations the runtime gave it, so each conversion is sound; it is unchecked all the
 * same, as which entities a mapping or relation holds follows from where it sits in the plan, and every such
 * conversion lives here.
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
        StatementPlan.Recursion<Relation<?, ?>> planned = plan.recursion();
        StatementTree.Recursion<E> recursion = planned == null ? null
                : new StatementTree.Recursion<>(relation(planned.relation()), planned.depthIndex(),
                        planned.parentKeyIndex(), backReference(planned.backReference()));
        return new StatementTree<>(plan.sql(), plan.jdbc(), name, reader(plan.reader(), false), steps,
                plan.readerCount(), recursion, backReference(backReference));
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
        BatchedStep.Parts<Object, Object> parts = new BatchedStep.Parts<>(plan.id(), relation(plan.relation()),
                plan.sql(), plan.jdbc(), name, reader(plan.reader(), false), plan.parentKeyIndex(), plan.keysSlot(),
                plan.keysArrayType(), backReference(plan.backReference()));
        return switch (plan.strategy()) {
            case SELECT_IN -> new SelectInStep<>(parts);
            case SUBQUERY -> new SubqueryStep<>(parts);
            case IMMEDIATE -> new ImmediateStep<>(parts);
            // Listed rather than a default, so a new strategy does not compile until it says whether it is a step.
            case JOINED, NESTED, LAZY, NO_LOAD, RAISE ->
                    throw new IllegalArgumentException(plan.strategy() + " runs no step of its own");
        };
    }

    /**
     * The reader of {@code plan}; {@code joinedNode} when it reads the target of an outer join, whose row may hold
     * no entity.
     */
    private static <E> NodeReader<E> reader(NodePlan<EntityMapping<?>, Relation<?, ?>> plan, boolean joinedNode) {
        List<NodeReader.Joined<E, ?>> joined = new ArrayList<>();
        for (NodePlan.Joined<EntityMapping<?>, Relation<?, ?>> link : plan.joined()) {
            joined.add(new NodeReader.Joined<>(relation(link.relation()), reader(link.target(), true), link.distinct(),
                    backReference(link.backReference())));
        }
        List<NodeReader.Nested<E, ?>> nested = new ArrayList<>();
        for (NodePlan.Nested<EntityMapping<?>, Relation<?, ?>> link : plan.nested()) {
            NodePlan<EntityMapping<?>, Relation<?, ?>> target = link.target();
            nested.add(new NodeReader.Nested<>(relation(link.relation()), link.column(), reader(target, false),
                    NestedRows.of(mapping(target.entity()), target.nested().size()),
                    backReference(link.backReference())));
        }
        List<NodeReader.Batched<E, ?>> batched = new ArrayList<>();
        for (NodePlan.Batched<Relation<?, ?>> link : plan.batched()) {
            batched.add(new NodeReader.Batched<>(relation(link.relation()), link.keyIndex(), link.stepId()));
        }
        List<NodeReader.Lazy<E, ?>> lazy = new ArrayList<>();
        for (NodePlan.Lazy<EntityMapping<?>, Relation<?, ?>> link : plan.lazy()) {
            lazy.add(new NodeReader.Lazy<>(relation(link.relation()), link.keyIndex(), new LazyLoad<>(link.load())));
        }
        List<NodeReader.Unloaded<E, ?>> unloaded = new ArrayList<>();
        for (NodePlan.Unloaded<Relation<?, ?>> link : plan.unloaded()) {
            unloaded.add(new NodeReader.Unloaded<>(relation(link.relation()), link.strategy()));
        }
        List<NodeReader.Claimed<E, ?>> claimed = new ArrayList<>();
        for (Relation<?, ?> relation : plan.claimed()) {
            claimed.add(new NodeReader.Claimed<>(relation(relation)));
        }
        return new NodeReader<>(plan.id(), mapping(plan.entity()), plan.offset(), joined, nested, batched, lazy,
                unloaded, claimed, plan.distinctRows(), joinedNode);
    }

    /** The back-reference the planner found, or null. */
    private static <C, P> BackReference<C, P> backReference(Relation<?, ?> relation) {
        return relation == null ? null : new BackReference<>(relation(relation), relation.target().buildsRecords());
    }

    /** The generated mapping the planner was given as {@code entity}. */
    @SuppressWarnings("unchecked")
    private static <E> EntityMapping<E> mapping(EntityMapping<?> entity) {
        return (EntityMapping<E>) entity;
    }

    /** The generated relation the planner was given as {@code relation}. */
    @SuppressWarnings("unchecked")
    private static <P, C> Relation<P, C> relation(Relation<?, ?> relation) {
        return (Relation<P, C>) relation;
    }
}
