package dev.loadplan.internal;

import dev.loadplan.planner.StepPlan;
import org.jdbi.v3.core.Handle;

/**
 * {@code SUBQUERY}: one statement for every parent of the batch, selecting them again with the statement that found
 * them, as a subquery: the root's, binding what the root binds, or a {@code SELECT_IN} step's, binding its keys.
 */
final class SubqueryStep<P, C> extends BatchedStep<P, C> {

    SubqueryStep(StepPlan<EntityMapping<?>, Relation<?, ?>> plan, StatementName name) {
        super(plan, name);
    }

    @Override
    boolean repeatsRoot() {
        return plan().keysSlot() == StepPlan.ROOT_BINDS;
    }

    @Override
    void load(Handle handle, LoadState state, RootBinds rootBinds, ParentBatch batch) {
        StepPlan<EntityMapping<?>, Relation<?, ?>> plan = plan();
        PlanStatement statement = repeatsRoot()
                ? PlanStatement.bindingRoot(name(), plan.sql(), plan.jdbc(), rootBinds, handle)
                : own(Binding.keys(plan.keysArrayType(), state.keys(plan.keysSlot())), rootBinds, handle);
        attachAll(handle, statement, state, batch);
    }
}
