package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.planner.NodePlan;
import dev.loadplan.planner.NodePlan.Batched;
import dev.loadplan.planner.NodePlan.Joined;
import dev.loadplan.planner.NodePlan.Lazy;
import dev.loadplan.planner.NodePlan.Nested;
import dev.loadplan.planner.NodePlan.Unloaded;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads one entity from its columns of a row, through the identity map, and gives each of its relationships
 * what its {@link NodePlan} says: children joined into the same row, children nested in a column of it, a key for a
 * later statement, a lazy loader, or the value of a relationship the plan does not load. It reads the plan's own
 * links; what reading adds to a link (the reader of its target, a nested column's rows, a lazy link's load) it keeps
 * beside it, at the same index.
 */
final class NodeReader<E> {

    // The plan's facts the hot path reads on every row, in fields of their own.
    private final int id;
    private final EntityMapping<E> mapping;
    private final int offset;
    /** No other row of the load holds the same entity: each row is read as a new one, with no identity look-up. */
    private final boolean distinctRows;
    private final boolean buildsRecords;
    private final boolean longIds;
    /** Read from an outer join: a row can have no entity here. */
    private final boolean mayBeAbsent;
    // Arrays, not lists: each row walks them, and an array's loop has no iterator or interface call to compile away.
    private final Joined<EntityMapping<?>, Relation<?, ?>>[] joined;
    /** The reader of each joined link's target. */
    private final NodeReader<?>[] joinedTargets;
    private final Nested<EntityMapping<?>, Relation<?, ?>>[] nested;
    /** The reader of each nested link's target, and the rows its column holds. */
    private final NodeReader<?>[] nestedTargets;
    private final NestedRows[] nestedRows;
    private final Batched<Relation<?, ?>>[] batched;
    private final Lazy<EntityMapping<?>, Relation<?, ?>>[] lazy;
    /** What each lazy link runs on first read. */
    private final LazyLoad<?>[] lazyLoads;
    private final Unloaded<Relation<?, ?>>[] unloaded;
    private final Relation<?, ?>[] claimed;

    /**
     * The reader of {@code plan} and of every node joined or nested below it; {@code mayBeAbsent} when it reads the
     * target of an outer join, whose row may hold no entity.
     */
    NodeReader(NodePlan<EntityMapping<?>, Relation<?, ?>> plan, boolean mayBeAbsent) {
        this.id = plan.id();
        this.mapping = PlanBinder.mapping(plan);
        this.offset = plan.offset();
        this.distinctRows = plan.distinctRows();
        this.buildsRecords = mapping.buildsRecords();
        this.longIds = mapping.longIds();
        this.mayBeAbsent = mayBeAbsent;
        this.joined = PlanBinder.array(plan.joined(), Joined[]::new);
        if (joined.length > Long.SIZE) {
            throw new IllegalArgumentException(mapping + " joins more than " + Long.SIZE + " relations");
        }
        this.joinedTargets = new NodeReader<?>[joined.length];
        for (int i = 0; i < joined.length; i++) {
            joinedTargets[i] = new NodeReader<>(joined[i].target(), true);
        }
        this.nested = PlanBinder.array(plan.nested(), Nested[]::new);
        this.nestedTargets = new NodeReader<?>[nested.length];
        this.nestedRows = new NestedRows[nested.length];
        for (int i = 0; i < nested.length; i++) {
            NodePlan<EntityMapping<?>, Relation<?, ?>> target = nested[i].target();
            nestedTargets[i] = new NodeReader<>(target, false);
            nestedRows[i] = NestedRows.of(nestedTargets[i].mapping(), target.nested().size());
        }
        this.batched = PlanBinder.array(plan.batched(), Batched[]::new);
        this.lazy = PlanBinder.array(plan.lazy(), Lazy[]::new);
        this.lazyLoads = new LazyLoad<?>[lazy.length];
        for (int i = 0; i < lazy.length; i++) {
            lazyLoads[i] = new LazyLoad<>(lazy[i].load());
        }
        this.unloaded = PlanBinder.array(plan.unloaded(), Unloaded[]::new);
        this.claimed = plan.claimed().toArray(new Relation<?, ?>[0]);
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
                readJoined(joined[i], joinedTargets[i], entity, row, state);
            } else {
                joinedTargets[i].observe(row, state);
            }
        }
    }

    /**
     * Notes where this reader's columns, and those of the readers joined below it, change from row to row, reading
     * nothing: its link is loaded at another place of the load, but its rows still multiply the statement's, and a
     * reader after it must hear when they change, or it would take a repeated row for more of its first run and
     * attach its children again.
     */
    private void observe(ResultSet row, LoadState state) throws SQLException {
        state.observe(id, mapping.readId(row, offset));
        for (NodeReader<?> target : joinedTargets) {
            target.observe(row, state);
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
        for (int i = 0; i < nested.length; i++) {
            Nested<EntityMapping<?>, Relation<?, ?>> link = nested[i];
            if (startLoading(link.relation(), entity, state)) {
                readNested(link, nestedTargets[i], nestedRows[i], entity, row, state);
            }
        }
        for (Batched<Relation<?, ?>> link : batched) {
            Relation<?, ?> relation = link.relation();
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
        for (int i = 0; i < lazy.length; i++) {
            loadLazily(lazy[i], lazyLoads[i], entity, row, state);
        }
        for (Unloaded<Relation<?, ?>> link : unloaded) {
            own(link.relation()).leaveUnloaded(entity, link.strategy());
        }
        for (Relation<?, ?> relation : claimed) {
            own(relation).startLoading(entity);
        }
        state.joinedElsewhere(id, entity, joinedElsewhere);
        return joinedElsewhere;
    }

    /**
     * Claims {@code relation} of {@code entity} for this path of the load (see {@link Relation#startLoading}) and, when
     * the field holds record holders until the load is complete, notes it; false when another path loads it.
     */
    private boolean startLoading(Relation<?, ?> relation, E entity, LoadState state) {
        if (!own(relation).startLoading(entity)) {
            return false;
        }
        if (holdsRecords(relation)) {
            state.holdsRecords(relation, entity);
        }
        return true;
    }

    /** {@code relation}, the relation of one of this reader's links: one of its entity's. */
    private Relation<E, ?> own(Relation<?, ?> relation) {
        return PlanBinder.typed(relation);
    }

    /**
     * Whether a class's relationship holds record holders until the load is complete: a {@code List} or a
     * {@code Ref} does; a plain field, typed as the record, is set once the record is built.
     */
    private boolean holdsRecords(Relation<?, ?> relation) {
        return !buildsRecords && relation.canDefer() && relation.target().buildsRecords();
    }

    private void loadLazily(Lazy<EntityMapping<?>, Relation<?, ?>> link, LazyLoad<?> load, E entity, ResultSet row,
            LoadState state) throws SQLException {
        Relation<?, ?> relation = link.relation();
        Object key = relation.readKey(row, offset + link.keyIndex());
        if (key == null) {
            // No foreign key, no children to look for: loaded and empty, with no statement on first read.
            own(relation).startLoading(entity);
            return;
        }
        lazy(PlanBinder.typed(relation), load, entity, key, state.lazySource());
    }

    private static <P, C> void lazy(Relation<P, C> relation, LazyLoad<C> load, P entity, Object key,
            LazySource source) {
        relation.loadLazily(entity, () -> load.load(key, entity, source));
    }

    /**
     * Reads the children a nested column of {@code row} holds, each through the target's reader as if its values
     * were a row of their own, and attaches them to {@code parent} in the column's order.
     */
    private static <P, C> void readNested(Nested<EntityMapping<?>, Relation<?, ?>> link, NodeReader<C> target,
            NestedRows rows, P parent, ResultSet row, LoadState state) throws SQLException {
        Relation<P, C> relation = PlanBinder.typed(link.relation());
        Relation<?, ?> backReference = link.backReference();
        try (ResultSet children = rows.of(row, link.column())) {
            while (children.next()) {
                C child = target.read(children, state, null);
                state.attach(relation, parent, child, false);
                if (backReference != null) {
                    state.fillBackReference(PlanBinder.typed(backReference), child, parent);
                }
            }
        }
    }

    private static <P, C> void readJoined(Joined<EntityMapping<?>, Relation<?, ?>> link, NodeReader<C> target,
            P parent, ResultSet row, LoadState state) throws SQLException {
        C child = target.read(row, state, null);
        if (child == null) {
            return;
        }
        state.attach(PlanBinder.typed(link.relation()), parent, child, link.distinct());
        Relation<?, ?> backReference = link.backReference();
        if (backReference != null) {
            state.fillBackReference(PlanBinder.typed(backReference), child, parent);
        }
    }
}
