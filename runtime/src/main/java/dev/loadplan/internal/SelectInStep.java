package dev.loadplan.internal;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;

/** {@code SELECT_IN}: one statement for every parent of the batch, binding their keys as one array. */
final class SelectInStep<P, C> extends BatchedStep<P, C> {

    SelectInStep(Parts<P, C> parts) {
        super(parts);
    }

    @Override
    void load(Handle handle, LoadState state, RootBinds rootBinds, ParentBatch batch) {
        Object keys = keysOf(batch, state);
        Argument keysArgument = Binding.keys(parts().relation().keyArrayType(), keys);
        attachAll(handle, own(keysArgument, rootBinds, handle), state, batch);
    }
}
