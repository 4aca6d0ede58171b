package dev.loadplan.internal;

import dev.loadplan.planner.StepPlan;
import java.util.List;
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
    boolean waitsForRows() {
        return false;
    }

    /** The step whose keys its statement binds again, or {@link StepPlan#ROOT_BINDS} or {@link StepPlan#TREE_KEYS}. */
    int keysSlot() {
        return plan().keysSlot();
    }

    @Override
    List<PlanStatement> statements(Handle handle, LoadState state, RootBinds rootBinds, ParentBatch batch) {
        StepPlan<EntityMapping<?>, Relation<?, ?>> plan = plan();
        if (repeatsRoot()) {
            return List.of(PlanStatement.bindingRoot(name(), plan.sql(), plan.jdbc(), rootBinds, handle));
        }
        Object keys = state.keys(plan.keysSlot());
        return List.of(own(Binding.keys(plan.keysArrayType(), keys), rootBinds, handle));
    }
}
