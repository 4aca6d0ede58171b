package dev.loadplan.internal;

import dev.loadplan.Ref;
import java.util.List;

/**
 * Relationships of records: the same states as for classes, kept in a slot of the record's {@link RecordHolder}
 * until the record is built. Generated code extends these with the target and the key type only.
 */
public final class RecordRelations {

    private RecordRelations() {
    }

    private static RecordHolder holder(Object parent) {
        return (RecordHolder) parent;
    }

    /** A {@code List<C>} component. */
    public abstract static class Collection<P, C> extends CollectionRelation<P, C> {
        private final int slot;

        protected Collection(RelationSpec spec, int slot) {
            super(spec);
            this.slot = slot;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected final List<C> get(P parent) {
            return (List<C>) holder(parent).value(slot);
        }

        @Override
        protected final void set(P parent, List<C> children) {
            holder(parent).set(slot, children);
        }

        /** The component the record is built with: the loaded children built as records, or the list's state. */
        public final List<C> built(RecordHolder parent, RecordHolder.RecordBuild build) {
            List<C> children = get(cast(parent));
            if (children == null || children instanceof NoLoadList) {
                return RecordList.empty();
            }
            if (children instanceof NotLoadedList || children instanceof LazyList) {
                return children;
            }
            Object[] records = new Object[children.size()];
            for (int i = 0; i < records.length; i++) {
                records[i] = completed(children.get(i), build);
            }
            return RecordList.of(records);
        }
    }

    /** A {@code Ref<C>} component. */
    public abstract static class Reference<P, C> extends RefRelation<P, C> {
        private final int slot;

        protected Reference(RelationSpec spec, int slot) {
            super(spec);
            this.slot = slot;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected final Ref<C> get(P parent) {
            return (Ref<C>) holder(parent).value(slot);
        }

        @Override
        protected final void set(P parent, Ref<C> reference) {
            holder(parent).set(slot, reference);
        }

        /** The component the record is built with: a reference to the built child, or the reference's state. */
        public final Ref<C> built(RecordHolder parent, RecordHolder.RecordBuild build) {
            Ref<C> reference = get(cast(parent));
            if (reference == null || reference == Ref.noLoad()) {
                return Ref.empty();
            }
            if (!reference.isLoaded() || reference.get() == null) {
                return reference;
            }
            return Ref.of(completed(reference.get(), build));
        }
    }

    /** A plain {@code C} component. */
    public abstract static class Plain<P, C> extends ReferenceRelation<P, C> {
        private final int slot;

        protected Plain(RelationSpec spec, int slot) {
            super(spec);
            this.slot = slot;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected final C get(P parent) {
            return (C) holder(parent).value(slot);
        }

        @Override
        protected final void set(P parent, C child) {
            holder(parent).set(slot, child);
        }

        /** The component the record is built with: the built child, or null. */
        public final C built(RecordHolder parent, RecordHolder.RecordBuild build) {
            Object child = get(cast(parent));
            return child == null ? null : completed(child, build);
        }
    }

    @SuppressWarnings("unchecked")
    private static <P> P cast(RecordHolder holder) {
        return (P) holder;
    }
}
