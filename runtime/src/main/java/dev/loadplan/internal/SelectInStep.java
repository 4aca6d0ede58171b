package dev.loadplan.internal;

import dev.loadplan.planner.StepPlan;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;

/** {@code SELECT_IN}: one statement for every parent of the batch, binding their keys as one array. */
final class SelectInStep<P, C> extends BatchedStep<P, C> {

    SelectInStep(StepPlan<EntityMapping<?>, Relation<?, ?>> plan, StatementName name) {
        super(plan, name);
    }

    @Override
    List<PlanStatement> statements(Handle handle, LoadState state, RootBinds rootBinds, ParentBatch batch) {
        Object keys = keysOf(batch, state);
        Argument keysArgument = Binding.keys(plan().relation().keyArrayType(), keys);
        return List.of(own(keysArgument, rootBinds, handle));
    }
}
