package dev.loadplan.internal;

import dev.loadplan.planner.LoadStrategy;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A to-one relationship held in a plain field of the target type. A plain field cannot tell "not loaded" from
 * "no related row", so it reads as null unless loaded; declare the field {@code Ref<C>} to have an unloaded
 * reference throw or load lazily.
 */
public abstract class ReferenceRelation<P, C> extends Relation<P, C> {

    protected ReferenceRelation(RelationSpec spec) {
        super(spec);
    }

    /** Reads the field. */
    protected abstract C get(P parent);

    /** Writes the field. */
    protected abstract void set(P parent, C child);

    @Override
    public final boolean canDefer() {
        return false;
    }

    @Override
    final boolean cannotHoldYet(Object child) {
        return child instanceof RecordHolder && !(this instanceof RecordRelations.Plain);
    }

    @Override
    final boolean startLoading(P parent) {
        // Null is both "undecided" and "loaded, no row": loading again sets the same value, so always load.
        return get(parent) == null;
    }

    @Override
    final void attach(P parent, C child) {
        set(parent, child);
    }

    @Override
    final void attachDistinct(P parent, C child) {
        set(parent, child);
    }

    @Override
    final void leaveUnloaded(P parent, LoadStrategy strategy) {
        // Nothing to mark: the field stays null.
    }

    @Override
    final boolean fill(P owner, C value) {
        if (get(owner) == value) {
            return false;
        }
        set(owner, value);
        return true;
    }

    @Override
    final void forEachLoaded(P owner, Consumer<Object> action) {
        C child = get(owner);
        if (child != null) {
            action.accept(child);
        }
    }

    @Override
    final void completeRecords(P owner, RecordHolder.RecordBuild build) {
        C child = get(owner);
        if (child instanceof RecordHolder) {
            set(owner, completed(child, build));
        }
    }

    @Override
    final void loadLazily(P parent, Supplier<List<C>> loader) {
        throw new IllegalStateException(qualifiedName() + " is a plain field and cannot load lazily; declare it Ref<>");
    }
}
