package dev.loadplan.internal;

import dev.loadplan.planner.LoadStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A relationship held in a {@code List<C>} field: one-to-many or many-to-many. */
public abstract class CollectionRelation<P, C> extends Relation<P, C> {

    /** What every parent that did not load the collection holds: read-only, so one serves them all. */
    private final NotLoadedList<C> notLoaded;

    protected CollectionRelation(RelationSpec spec) {
        super(spec);
        this.notLoaded = new NotLoadedList<>(spec.qualifiedName(), spec.loaderMethods());
    }

    /** Reads the field. */
    protected abstract List<C> get(P parent);

    /** Writes the field. */
    protected abstract void set(P parent, List<C> children);

    @Override
    final boolean startLoading(P parent) {
        if (isLoaded(get(parent))) {
            return false;
        }
        set(parent, new ArrayList<>());
        return true;
    }

    @Override
    final void attach(P parent, C child) {
        List<C> children = get(parent);
        // Joined rows repeat a child once per row below it, one after the other: it is added once.
        if (children.isEmpty() || children.get(children.size() - 1) != child) {
            children.add(child);
        }
    }

    @Override
    final void attachDistinct(P parent, C child) {
        List<C> children = get(parent);
        for (C present : children) {
            if (present == child) {
                return;
            }
        }
        children.add(child);
    }

    @Override
    final void leaveUnloaded(P parent, LoadStrategy strategy) {
        if (get(parent) == null) {
            set(parent, strategy == LoadStrategy.NO_LOAD ? new NoLoadList<>() : notLoaded);
        }
    }

    @Override
    final void loadLazily(P parent, Supplier<List<C>> loader) {
        if (get(parent) == null) {
            set(parent, new LazyList<>(loader));
        }
    }

    @Override
    final boolean fill(P owner, C value) {
        throw new UnsupportedOperationException(qualifiedName() + " is a collection, never a back-reference");
    }

    @Override
    final void forEachLoaded(P owner, Consumer<Object> action) {
        List<C> children = get(owner);
        if (isLoaded(children)) {
            children.forEach(action);
        }
    }

    @Override
    final void completeRecords(P owner, RecordHolder.RecordBuild build) {
        List<C> children = get(owner);
        if (isLoaded(children)) {
            children.replaceAll(child -> completed(child, build));
        }
    }

    /** Whether the list holds loaded children, rather than standing for a state: not loaded, lazy, no-load. */
    static boolean isLoaded(List<?> children) {
        return children != null && !(children instanceof NotLoadedList) && !(children instanceof NoLoadList)
                && !(children instanceof LazyList);
    }
}
