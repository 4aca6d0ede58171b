package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A record's row while a load gathers it: its component values, relationships included, before the record can
 * be constructed. The load fills the relationship slots; the record is built once, children first, when the
 * load is complete, since a record cannot change after construction.
 */
public final class RecordHolder {

    private final String entity;
    private final Object key;
    private final Object[] values;
    private Object built;
    private boolean building;

    public RecordHolder(String entity, Object key, Object[] values) {
        this.entity = entity;
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
     * The record, built on first call by {@code constructor} from the values, whose relationships build their
     * own records first. A record reached again while it is being built is a cycle in the data: it can never be
     * built, and the message names the path.
     */
    public <E> E build(RecordBuild path, Function<RecordHolder, E> constructor) {
        if (built == null) {
            if (building) {
                throw new LoadPlanException("the data holds a cycle of records: " + path.describe(this)
                        + " is reached again while it is built. A record cannot hold one that holds it; load one "
                        + "of these relationships NO_LOAD, or map one of the entities as a class");
            }
            building = true;
            path.enter(this);
            try {
                built = constructor.apply(this);
            } finally {
                path.leave();
                building = false;
            }
        }
        @SuppressWarnings("unchecked")
        E record = (E) built;
        return record;
    }

    @Override
    public String toString() {
        return entity + "(" + key + ")";
    }

    /** The records being built, outermost first, for the message of a cycle. */
    public static final class RecordBuild {
        private final List<RecordHolder> path = new ArrayList<>();

        void enter(RecordHolder holder) {
            path.add(holder);
        }

        void leave() {
            path.remove(path.size() - 1);
        }

        String describe(RecordHolder again) {
            List<String> names = new ArrayList<>();
            for (RecordHolder holder : path) {
                names.add(holder.toString());
            }
            names.add(again.toString());
            return String.join(" -> ", names);
        }
    }
}
