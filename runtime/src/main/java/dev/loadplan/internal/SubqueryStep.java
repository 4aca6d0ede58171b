package dev.loadplan.internal;

import dev.loadplan.planner.StepPlan;
import org.jdbi.v3.core.Handle;

/**
 * {@code SUBQUERY}: one statement for every parent of the batch, selecting them again with the statement that found
 * them, as a subquery: the root's, binding what the root binds, or a {@code SELECT_IN} step's, binding its keys.
 */
final class SubqueryStep<P, C> extends BatchedStep<P, C> {

    SubqueryStep(Parts<P, C> parts) {
        super(parts);
    }

    @Override
    boolean repeatsRoot() {
        return parts().keysSlot() == StepPlan.ROOT_BINDS;
    }

    @Override
    void load(Handle handle, LoadState state, RootBinds rootBinds, ParentBatch batch) {
        Parts<P, C> parts = parts();
        PlanStatement statement = repeatsRoot()
                ? PlanStatement.bindingRoot(parts.name(), parts.sql(), parts.jdbc(), rootBinds, handle)
                : own(Binding.keys(parts.keysArrayType(), state.keys(parts.keysSlot())), rootBinds, handle);
        attachAll(handle, statement, state, batch);
    }
}
