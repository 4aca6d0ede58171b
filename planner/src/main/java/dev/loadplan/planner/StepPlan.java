package dev.loadplan.planner;

import dev.loadplan.planner.sql.JdbcSql;

/**
 * A statement that runs after the one that found its parents: once for all of them ({@code SELECT_IN},
 * {@code SUBQUERY}) or once per distinct parent key ({@code IMMEDIATE}).
 *
 * @param <E> the type of the entities the planner was given (see {@link MappedEntity})
 * @param <R> the type of their relations
 * @param path the relations followed from the plan's root, such as {@code books.reviews}
 * @param parentKeyIndex where each row holds the key of the parent it belongs to (0-based)
 * @param keysSlot for {@code SUBQUERY}, what its repeated parent query binds: {@link #ROOT_BINDS}, {@link #TREE_KEYS}
 *     or the id of the step whose keys it binds again
 * @param keysArrayType the SQL element type of those keys
 * @param backReference the child's field that holds its parent, filled with no statement; or null
 * @param jdbc the statement as JDBC runs it; null for a subquery that repeats a root statement holding the caller's
 *     SQL, whose named parameters the caller's {@code Jdbi} binds
 * @param answeredFromGraph for a statement run per parent key ({@code IMMEDIATE}): whether a target the graph
 *     holds already under that key is what the statement would attach, so the key needs no statement (see
 *     {@link Planner#keyIsTargetId})
 */
public record StepPlan<E, R>(int id, E parent, R relation, LoadStrategy strategy, String sql, NodePlan<E, R> reader,
        int parentKeyIndex, int keysSlot, String keysArrayType, R backReference, String path, JdbcSql jdbc,
        boolean answeredFromGraph) {

    /** A subquery binds what the root statement binds. */
    public static final int ROOT_BINDS = -1;

    /** A subquery binds the one key a per-parent (lazy) statement was run for, as an array. */
    public static final int TREE_KEYS = -2;
}
