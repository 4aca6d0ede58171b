package dev.loadplan.planner;

import java.util.List;

/**
 * How one entity is read from its columns of a statement's rows, and what becomes of each of its relationships:
 * joined into the same rows, nested in one column of them, loaded by a later step, loaded on first read, or left
 * unloaded. The runtime reads rows with it as it is: what it adds per link (the reader of a joined target, say) it
 * keeps beside the link, in the same order.
 *
 * @param <E> the type of the entities the planner was given (see {@link MappedEntity})
 * @param <R> the type of their relations
 * @param id the node's index among the readers of its statement tree, for per-reader state
 * @param offset where the entity's columns start in the row (0-based)
 * @param claimed relationships the statement itself fills, such as the one a recursive load walks down
 * @param distinctRows no two rows of the load hold the same entity here, so each row is a new entity, read with no
 *     look-up in the identity map (see {@link DistinctRows})
 */
public record NodePlan<E, R>(int id, E entity, int offset, List<Joined<E, R>> joined, List<Nested<E, R>> nested,
        List<Batched<R>> batched, List<Lazy<E, R>> lazy, List<Unloaded<R>> unloaded, List<R> claimed,
        boolean distinctRows) {

    public NodePlan {
        joined = List.copyOf(joined);
        nested = List.copyOf(nested);
        batched = List.copyOf(batched);
        lazy = List.copyOf(lazy);
        unloaded = List.copyOf(unloaded);
        claimed = List.copyOf(claimed);
    }

    /**
     * Whether the node reads its entity and nothing more: no relation joined, nested, loaded by a step or on first
     * read below it (what it leaves unloaded decides nothing for an entity read before, whose links are decided).
     */
    public boolean readsOnlyItsEntity() {
        return joined.isEmpty() && nested.isEmpty() && batched.isEmpty() && lazy.isEmpty();
    }

    /**
     * A relation read from the same row, below this entity. {@code distinct} when its children may come back in
     * rows that are not next to each other (a sibling collection multiplies the rows).
     *
     * @param backReference the child's field that holds this entity, filled with no statement; or null
     */
    public record Joined<E, R>(R relation, NodePlan<E, R> target, boolean distinct, R backReference) {
    }

    /**
     * A relation read from one column of the same row ({@code NESTED}): a JSON array holding a row of the target's
     * columns for each child, read by {@code target} as if they were rows of a statement of their own.
     *
     * @param column the column's index in the row (0-based)
     * @param backReference the child's field that holds this entity, filled with no statement; or null
     */
    public record Nested<E, R>(R relation, int column, NodePlan<E, R> target, R backReference) {
    }

    /**
     * A relation that step {@code stepId} loads ({@code SELECT_IN}, {@code SUBQUERY}, {@code IMMEDIATE}).
     *
     * @param keyIndex where the key its children are matched by sits among the entity's columns (0-based)
     */
    public record Batched<R>(R relation, int keyIndex, int stepId) {
    }

    /**
     * A relation loaded on first read, by what {@code load} plans.
     *
     * @param keyIndex where the key the lazy statement binds sits among the entity's columns (0-based)
     */
    public record Lazy<E, R>(R relation, int keyIndex, LazyPlan<E, R> load) {
    }

    /** A relation the plan does not load: {@code NO_LOAD} or {@code RAISE}. */
    public record Unloaded<R>(R relation, LoadStrategy strategy) {
    }
}
