package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.planner.LoadStrategy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads one entity from its columns of a row, through the identity map, and gives each of its relationships
 * what the plan says: children joined into the same row, children nested in a column of it, a key for a later
 * statement, a lazy loader, or the value of a relationship the plan does not load.
 */
final class NodeReader<E> {

    /**
     * A relation read from the same row, below this entity. {@code distinct} when its children may come back
     * in rows that are not next to each other (a sibling collection multiplies the rows).
     *
     * @param backReference the field of each child that holds this entity, or null
     */
    record Joined<P, C>(Relation<P, C> relation, NodeReader<C> target, boolean distinct,
            BackReference<C, P> backReference) {
    }

    /**
     * A relation read from one column of the row ({@code NESTED}): the rows it holds, read by {@code target}.
     *
     * @param column the column's index in the row (0-based)
     * @param backReference the field of each child that holds this entity, or null
     */
    record Nested<P, C>(Relation<P, C> relation, int column, NodeReader<C> target, NestedRows rows,
            BackReference<C, P> backReference) {
    }

    /** A relation that a later step loads ({@code SELECT_IN}, {@code SUBQUERY}, {@code IMMEDIATE}). */
    record Batched<P, C>(Relation<P, C> relation, int keyIndex, int stepId) {
    }

    /** A relation loaded on first read. */
    record Lazy<P, C>(Relation<P, C> relation, int keyIndex, LazyLoad<C> load) {
    }

    /** A relation the statement tree itself fills, such as the one a recursive load walks down. */
    record Claimed<P, C>(Relation<P, C> relation) {
    }

    /** A relation the plan does not load: {@code NO_LOAD} or {@code RAISE}. */
    record Unloaded<P, C>(Relation<P, C> relation, LoadStrategy strategy) {
    }

    private final int id;
    private final EntityMapping<E> mapping;
    private final int offset;
    // Arrays, not lists: each row walks them, and an array's loop has no iterator or interface call to compile away.
    private final Joined<E, ?>[] joined;
    private final Nested<E, ?>[] nested;
    private final Batched<E, ?>[] batched;
    private final Lazy<E, ?>[] lazy;
    private final Unloaded<E, ?>[] unloaded;
    private final Claimed<E, ?>[] claimed;
    private final boolean buildsRecords;
    private final boolean longIds;
    /** No other row of the load holds the same entity: each row is read as a new one, with no identity look-up. */
    private final boolean distinctRows;
    /** Read from an outer join: a row can have no entity here. */
    private final boolean mayBeAbsent;

    @SuppressWarnings("unchecked")
    NodeReader(int id, EntityMapping<E> mapping, int offset, List<Joined<E, ?>> joined, List<Nested<E, ?>> nested,
            List<Batched<E, ?>> batched, List<Lazy<E, ?>> lazy, List<Unloaded<E, ?>> unloaded,
            List<Claimed<E, ?>> claimed, boolean distinctRows, boolean mayBeAbsent) {
        if (joined.size() > Long.SIZE) {
            throw new IllegalArgumentException(mapping + " joins more than " + Long.SIZE + " relations");
        }
        this.id = id;
        this.mapping = mapping;
        this.offset = offset;
        this.joined = joined.toArray(Joined[]::new);
        this.nested = nested.toArray(Nested[]::new);
        this.batched = batched.toArray(Batched[]::new);
        this.lazy = lazy.toArray(Lazy[]::new);
        this.unloaded = unloaded.toArray(Unloaded[]::new);
        this.claimed = claimed.toArray(Claimed[]::new);
        this.buildsRecords = mapping.buildsRecords();
        this.longIds = mapping.longIds();
        this.distinctRows = distinctRows;
        this.mayBeAbsent = mayBeAbsent;
    }

    EntityMapping<E> mapping() {
        return mapping;
    }

    /** The key of the entity at this reader's columns of {@code row}. */
    Object key(ResultSet row) throws SQLException {
        return mapping.readId(row, offset);
    }

    /**
     * Reads the entity at this reader's columns, or returns null when the row has none there (an outer join
     * that matched nothing). {@code firstVisits}, when given, receives each entity the first time it is read.
     */
    E read(ResultSet row, LoadState state, List<? super E> firstVisits) throws SQLException {
        if (distinctRows) {
            return readDistinct(row, state, firstVisits);
        }
        EntityTable table = state.table(id, mapping);
        int slot;
        if (longIds) {
            long key = mapping.readLongId(row, offset);
            if (row.wasNull()) {
                return null;
            }
            slot = table.probe(key);
            if (slot < 0) {
                slot = table.put(slot, key, create(row, state));
            }
        } else {
            Object key = mapping.readId(row, offset);
            if (key == null) {
                return null;
            }
            slot = table.probe(key);
            if (slot < 0) {
                slot = table.put(slot, key, create(row, state));
            }
        }
        // For a record, the holder it is built from: every step below works on it the same way.
        @SuppressWarnings("unchecked")
        E entity = (E) table.entity(slot);
        boolean firstVisit = state.visit(table, slot, id);
        long joinedElsewhere;
        if (firstVisit) {
            if (firstVisits != null) {
                firstVisits.add(entity);
            }
            joinedElsewhere = firstVisit(entity, row, state);
        } else {
            joinedElsewhere = joined.length == 0 ? 0 : state.joinedElsewhere(id, entity);
        }
        if (!state.inFirstRun(id, entity, firstVisit) || joined.length == 0) {
            // A later run of the entity repeats rows its first run read: its joined children are complete.
            return entity;
        }
        readJoined(entity, joinedElsewhere, row, state);
        return entity;
    }

    /** Reads a row that holds an entity no other row holds: always its first visit, and its only run. */
    private E readDistinct(ResultSet row, LoadState state, List<? super E> firstVisits) throws SQLException {
        if (mayBeAbsent && absent(row)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        E entity = (E) create(row, state);
        if (firstVisits != null) {
            firstVisits.add(entity);
        }
        long joinedElsewhere = firstVisit(entity, row, state);
        // A new entity starts a run, which tells the readers after it in the row that the row changed.
        state.inFirstRun(id, entity, true);
        if (joined.length != 0) {
            readJoined(entity, joinedElsewhere, row, state);
        }
        return entity;
    }

    private boolean absent(ResultSet row) throws SQLException {
        if (longIds) {
            mapping.readLongId(row, offset);
            return row.wasNull();
        }
        return mapping.readId(row, offset) == null;
    }

    private void readJoined(E entity, long joinedElsewhere, ResultSet row, LoadState state) throws SQLException {
        for (int i = 0; i < joined.length; i++) {
            if ((joinedElsewhere & (1L << i)) == 0) {
                readJoined(joined[i], entity, row, state);
            }
        }
    }

    /** The entity of a row read for the first time in the load: a class's instance, or a record's holder. */
    private Object create(ResultSet row, LoadState state) throws SQLException {
        Object read;
        try {
            read = mapping.read(row, offset);
        } catch (SQLException e) {
            LoadPlanException unreadable = mapping.unreadable(row, offset, e);
            if (unreadable != null) {
                throw unreadable;
            }
            throw e;
        }
        state.objectRead();
        if (buildsRecords) {
            state.holderRead((RecordHolder) read);
        }
        return read;
    }

    /** Decides every relationship of an entity this reader sees for the first time; returns the joined-elsewhere bits. */
    private long firstVisit(E entity, ResultSet row, LoadState state) throws SQLException {
        long joinedElsewhere = 0;
        for (int i = 0; i < joined.length; i++) {
            if (!startLoading(joined[i].relation(), entity, state)) {
                joinedElsewhere |= 1L << i;
            }
        }
        for (Nested<E, ?> link : nested) {
            if (startLoading(link.relation(), entity, state)) {
                readNested(link, entity, row, state);
            }
        }
        for (Batched<E, ?> link : batched) {
            Relation<E, ?> relation = link.relation();
            if (startLoading(relation, entity, state)) {
                if (relation.longKeys()) {
                    long key = relation.readLongKey(row, offset + link.keyIndex());
                    if (!row.wasNull()) {
                        state.batch(link.stepId(), true).add(key, entity);
                    }
                } else {
                    Object key = relation.readKey(row, offset + link.keyIndex());
                    if (key != null) {
                        state.batch(link.stepId(), false).add(key, entity);
                    }
                }
            }
        }
        for (Lazy<E, ?> link : lazy) {
            loadLazily(link, entity, row, state);
        }
        for (Unloaded<E, ?> link : unloaded) {
            link.relation().leaveUnloaded(entity, link.strategy());
        }
        for (Claimed<E, ?> link : claimed) {
            link.relation().startLoading(entity);
        }
        state.joinedElsewhere(id, entity, joinedElsewhere);
        return joinedElsewhere;
    }

    /**
     * Claims {@code relation} of {@code entity} for this path of the load (see {@link Relation#startLoading}) and, when
     * the field holds record holders until the load is complete, notes it; false when another path loads it.
     */
    private boolean startLoading(Relation<E, ?> relation, E entity, LoadState state) {
        if (!relation.startLoading(entity)) {
            return false;
        }
        if (holdsRecords(relation)) {
            state.holdsRecords(relation, entity);
        }
        return true;
    }

    /**
     * Whether a class's relationship holds record holders until the load is complete: a {@code List} or a
     * {@code Ref} does; a plain field, typed as the record, is set once the record is built.
     */
    private boolean holdsRecords(Relation<E, ?> relation) {
        return !buildsRecords && relation.canDefer() && relation.target().buildsRecords();
    }

    private void loadLazily(Lazy<E, ?> link, E entity, ResultSet row, LoadState state) throws SQLException {
        Object key = link.relation().readKey(row, offset + link.keyIndex());
        if (key == null) {
            // No foreign key, no children to look for: loaded and empty, with no statement on first read.
            link.relation().startLoading(entity);
            return;
        }
        lazy(link, entity, key, state.lazySource());
    }

    private static <P, C> void lazy(Lazy<P, C> link, P entity, Object key, LazySource source) {
        link.relation().loadLazily(entity, () -> link.load().load(key, entity, source));
    }

    /**
     * Reads the children a nested column of {@code row} holds, each through the target's reader as if its values
     * were a row of their own, and attaches them to {@code parent} in the column's order.
     */
    private static <P, C> void readNested(Nested<P, C> link, P parent, ResultSet row, LoadState state)
            throws SQLException {
        try (ResultSet children = link.rows().of(row, link.column())) {
            while (children.next()) {
                C child = link.target().read(children, state, null);
                state.attach(link.relation(), parent, child, false);
                if (link.backReference() != null) {
                    link.backReference().fill(child, parent, state);
                }
            }
        }
    }

    private static <P, C> void readJoined(Joined<P, C> link, P parent, ResultSet row, LoadState state)
            throws SQLException {
        C child = link.target().read(row, state, null);
        if (child == null) {
            return;
        }
        state.attach(link.relation(), parent, child, link.distinct());
        if (link.backReference() != null) {
            link.backReference().fill(child, parent, state);
        }
    }
}
