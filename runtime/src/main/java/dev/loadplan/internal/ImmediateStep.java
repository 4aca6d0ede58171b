package dev.loadplan.internal;

import dev.loadplan.planner.StepPlan;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * {@code IMMEDIATE}: one statement per distinct parent key, during the load; none for the key of a many-to-one target
 * the graph holds already, when the plan says that is the answer.
 */
final class ImmediateStep<P, C> extends BatchedStep<P, C> {

    ImmediateStep(StepPlan<EntityMapping<?>, Relation<?, ?>> plan, StatementName name) {
        super(plan, name);
    }

    @Override
    boolean readsTheGraph() {
        return plan().answeredFromGraph();
    }

    @Override
    List<PlanStatement> statements(Handle handle, LoadState state, RootBinds rootBinds, ParentBatch batch) {
        Object keys = keysOf(batch, state);
        List<PlanStatement> statements = new ArrayList<>();
        if (keys instanceof long[] longs) {
            for (long key : longs) {
                if (!attachedFromGraph(key, state, batch)) {
                    statements.add(own(Binding.bigint(key), rootBinds, handle));
                }
            }
        } else {
            for (Object key : (Object[]) keys) {
                if (!attachedFromGraph(key, state, batch)) {
                    statements.add(own(Binding.key(key), rootBinds, handle));
                }
            }
        }
        return statements;
    }
}
