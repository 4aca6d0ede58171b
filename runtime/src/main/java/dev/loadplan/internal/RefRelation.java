package dev.loadplan.internal;

import dev.loadplan.Ref;
import dev.loadplan.planner.LoadStrategy;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A to-one relationship held in a {@code Ref<C>} field, which can say it is not loaded. */
public abstract class RefRelation<P, C> extends Relation<P, C> {

    /** What every parent that did not load the reference holds: immutable, so one serves them all. */
    private final Ref<C> notLoaded;

    protected RefRelation(RelationSpec spec) {
        super(spec);
        this.notLoaded = Ref.notLoaded(spec.qualifiedName(), spec.loaderMethods());
    }

    /** Reads the field. */
    protected abstract Ref<C> get(P parent);

    /** Writes the field. */
    protected abstract void set(P parent, Ref<C> reference);

    @Override
    final boolean startLoading(P parent) {
        Ref<C> reference = get(parent);
        if (reference != null && reference != Ref.noLoad() && reference.isLoaded()) {
            return false;
        }
        set(parent, Ref.empty());
        return true;
    }

    @Override
    final void attach(P parent, C child) {
        set(parent, Ref.of(child));
    }

    @Override
    final void attachDistinct(P parent, C child) {
        attach(parent, child);
    }

    @Override
    final void leaveUnloaded(P parent, LoadStrategy strategy) {
        if (get(parent) == null) {
            set(parent, strategy == LoadStrategy.NO_LOAD ? Ref.noLoad() : notLoaded);
        }
    }

    @Override
    final boolean fill(P owner, C value) {
        Ref<C> reference = get(owner);
        if (reference != null && reference != Ref.noLoad() && reference.isLoaded() && reference.get() == value) {
            return false;
        }
        set(owner, Ref.of(value));
        return true;
    }

    @Override
    final void forEachLoaded(P owner, Consumer<Object> action) {
        Ref<C> reference = get(owner);
        if (reference != null && reference.isLoaded() && reference.get() != null) {
            action.accept(reference.get());
        }
    }

    @Override
    final void completeRecords(P owner, RecordHolder.RecordBuild build) {
        Ref<C> reference = get(owner);
        if (reference != null && reference.isLoaded() && reference.get() instanceof RecordHolder holder) {
            set(owner, Ref.of(completed(holder, build)));
        }
    }

    @Override
    final void loadLazily(P parent, Supplier<List<C>> loader) {
        if (get(parent) == null) {
            set(parent, Ref.lazy(() -> {
                List<C> found = loader.get();
                return found.isEmpty() ? null : found.get(0);
            }));
        }
    }
}
