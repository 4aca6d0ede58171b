package dev.loadplan.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Reads one entity from its columns of a row, through the identity map, and what the plan loads with it: the
 * relations joined into the same row, and the keys its batched links will need.
 */
final class NodeReader<E> {

    /** A relation read from the same row, below this entity. */
    record Joined<P, C>(Relation<P, C> relation, NodeReader<C> target) {
    }

    /** A relation that a later statement loads; this reader collects each parent's key for it. */
    record Batched<P, C>(Relation<P, C> relation, int keyIndex, int stepId) {
    }

    private final int id;
    private final EntityMapping<E> mapping;
    private final int offset;
    private final List<Joined<E, ?>> joined;
    private final List<Batched<E, ?>> batched;

    NodeReader(int id, EntityMapping<E> mapping, int offset, List<Joined<E, ?>> joined, List<Batched<E, ?>> batched) {
        this.id = id;
        this.mapping = mapping;
        this.offset = offset;
        this.joined = List.copyOf(joined);
        this.batched = List.copyOf(batched);
    }

    /**
     * Reads the entity at this reader's columns, or returns null when the row has none there (an outer join
     * that matched nothing). {@code firstVisits}, when given, receives each entity the first time it is read.
     */
    E read(ResultSet row, LoadState state, List<? super E> firstVisits) throws SQLException {
        Object key = mapping.readId(row, offset);
        if (key == null) {
            return null;
        }
        Map<Object, Object> identities = state.identities(mapping);
        @SuppressWarnings("unchecked")
        E entity = (E) identities.get(key);
        if (entity == null) {
            entity = mapping.read(row, offset);
            identities.put(key, entity);
        }
        if (state.firstVisit(id, entity)) {
            if (firstVisits != null) {
                firstVisits.add(entity);
            }
            prepareLinks(entity, row, state);
        }
        for (Joined<E, ?> link : joined) {
            readJoined(link, entity, row, state);
        }
        return entity;
    }

    private void prepareLinks(E entity, ResultSet row, LoadState state) throws SQLException {
        for (Joined<E, ?> link : joined) {
            link.relation().clear(entity);
        }
        for (Batched<E, ?> link : batched) {
            link.relation().clear(entity);
            Object key = link.relation().readKey(row, offset + link.keyIndex());
            if (key != null) {
                state.batch(link.stepId()).add(key, entity);
            }
        }
    }

    private static <P, C> void readJoined(Joined<P, C> link, P parent, ResultSet row, LoadState state)
            throws SQLException {
        C child = link.target().read(row, state, null);
        if (child != null) {
            link.relation().attach(parent, child);
        }
    }
}
