package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * A record's row while a load gathers it: its component values, relationships included, before the record can
 * be constructed. The load fills the relationship slots; the record is built once, children first, when the
 * load is complete, since a record cannot change after construction.
 */
public final class RecordHolder {

    private final EntityMapping<?> mapping;
    private final Object key;
    private final Object[] values;
    private Object built;
    /** Whether the holder is on the path of records being built: meeting it again is a cycle in the data. */
    private boolean building;

    public RecordHolder(EntityMapping<?> mapping, Object key, Object[] values) {
        this.mapping = mapping;
        this.key = key;
        this.values = values;
    }

    /** A component value: a column's value, or what the load put in a relationship's slot. */
    public Object value(int slot) {
        return values[slot];
    }

    void set(int slot, Object value) {
        values[slot] = value;
    }

    /**
     * The record, built on first call by {@code constructor} from the values. The records it holds are built before
     * it, depth first without recursion, so a tree of any depth builds. A record reached again while it is being
     * built is a cycle in the data: it can never be built, and the message names the path.
     */
    public <E> E build(RecordBuild build, Function<RecordHolder, E> constructor) {
        if (built == null) {
            if (build.constructing == this) {
                built = constructor.apply(this);
            } else {
                build.buildAll(this);
            }
        }
        @SuppressWarnings("unchecked")
        E record = (E) built;
        return record;
    }

    /** Whether the record is built: the load that read it is complete. */
    boolean isBuilt() {
        return built != null;
    }

    /** Builds the record, after those it holds, unless it is built already. */
    void buildIn(RecordBuild build) {
        if (built == null) {
            build.buildAll(this);
        }
    }

    /** The records this one holds that are not built yet, through every relationship the load filled. */
    private Iterator<RecordHolder> unbuiltChildren() {
        if (mapping.relations().isEmpty()) {
            // A record of columns alone (a view's line, say): nothing to gather, nothing to allocate.
            return Collections.emptyIterator();
        }
        List<RecordHolder> children = new ArrayList<>();
        for (Relation<?, ?> relation : mapping.relations()) {
            relation.forEachLoadedOf(this, child -> {
                if (child instanceof RecordHolder holder && holder.built == null) {
                    children.add(holder);
                }
            });
        }
        return children.iterator();
    }

    @Override
    public String toString() {
        return mapping.entityName() + "(" + key + ")";
    }

    /** The building of the records of one load: which record is being constructed now. */
    public static final class RecordBuild {

        private RecordHolder constructing;
        /** The path of the build under way, kept for the next: one load builds each of its roots in turn. */
        private final Deque<Frame> reusedPath = new ArrayDeque<>();

        /** Only the runtime starts a build; generated code receives one. */
        RecordBuild() {
        }

        /** One record on the path being built, and the children it still waits for. */
        private record Frame(RecordHolder holder, Iterator<RecordHolder> children) {
        }

        /** Builds {@code root} after everything it holds, children first, with a stack instead of recursion. */
        void buildAll(RecordHolder root) {
            // Empty unless a constructor asked for a record not built yet, whose build then has a path of its own.
            Deque<Frame> path = reusedPath.isEmpty() ? reusedPath : new ArrayDeque<>();
            enter(root, path);
            while (!path.isEmpty()) {
                Frame top = path.peek();
                RecordHolder child = top.children().hasNext() ? top.children().next() : null;
                if (child != null) {
                    if (child.built == null) {
                        if (child.building) {
                            throw cycle(path, child);
                        }
                        enter(child, path);
                    }
                    continue;
                }
                path.pop();
                construct(top.holder());
            }
        }

        /**
         * Puts {@code holder} on the path, to be built once its children are; one that waits for none is built at
         * once, without a frame: most records of a load are leaves.
         */
        private void enter(RecordHolder holder, Deque<Frame> path) {
            Iterator<RecordHolder> children = holder.unbuiltChildren();
            if (!children.hasNext()) {
                construct(holder);
                return;
            }
            holder.building = true;
            path.push(new Frame(holder, children));
        }

        private void construct(RecordHolder holder) {
            constructing = holder;
            try {
                // Every record it holds is built: the constructor's relationships find them done.
                holder.mapping.complete(holder, this);
            } finally {
                constructing = null;
                holder.building = false;
            }
        }

        private static LoadPlanException cycle(Deque<Frame> path, RecordHolder again) {
            List<String> names = new ArrayList<>();
            path.descendingIterator().forEachRemaining(frame -> names.add(frame.holder().toString()));
            names.add(again.toString());
            for (Frame frame : path) {
                frame.holder().building = false;
            }
            path.clear();
            return new LoadPlanException("the data holds a cycle of records: " + String.join(" -> ", names)
                    + " is reached again while it is built. A record cannot hold one that holds it; load one of these "
                    + "relationships NO_LOAD, or map one of the entities as a class");
        }
    }
}
