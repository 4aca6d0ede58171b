package dev.loadplan.internal;

import dev.loadplan.planner.StepPlan;
import org.jdbi.v3.core.Handle;

/** {@code IMMEDIATE}: one statement per distinct parent key, during the load. */
final class ImmediateStep<P, C> extends BatchedStep<P, C> {

    ImmediateStep(StepPlan<EntityMapping<?>, Relation<?, ?>> plan, StatementName name) {
        super(plan, name);
    }

    @Override
    void load(Handle handle, LoadState state, RootBinds rootBinds, ParentBatch batch) {
        Object keys = keysOf(batch, state);
        if (keys instanceof long[] longs) {
            for (long key : longs) {
                attachAll(handle, own(Binding.bigint(key), rootBinds, handle), state, batch);
            }
        } else {
            for (Object key : (Object[]) keys) {
                attachAll(handle, own(Binding.key(key), rootBinds, handle), state, batch);
            }
        }
    }
}
