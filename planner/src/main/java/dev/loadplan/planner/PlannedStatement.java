package dev.loadplan.planner;

import java.util.List;

/**
 * One statement a plan can run, with when it runs: what the generated constants document.
 *
 * @param <E> the type of the entities the planner was given (see {@link MappedEntity})
 * @param <R> the type of their relations
 * @param path the relations followed from the plan's root to what the statement reads, such as
 *     {@code books.reviews}; empty for the root statement
 * @param parent the entity whose relationship it loads; the root entity for the root statement
 * @param relation the relationship it loads, such as {@code Book.reviews}; null for the root statement
 * @param when how it runs: {@link When#ROOT}, once for all parents ({@link When#BATCH}), once per distinct
 *     parent key during the load ({@link When#PER_KEY}), once per parent on first read ({@link When#ON_READ})
 * @param strategy the strategy of the link it loads; null for the root statement
 * @param afterRead whether it runs only once a lazy relationship above it is read
 * @param joined the relationships joined into the statement's rows, depth first
 * @param nested the relationships nested in columns of its rows, depth first
 * @param recursive the relationship a recursive root statement walks down, or null
 */
public record PlannedStatement<E, R>(String sql, String path, E parent, R relation, When when,
        LoadStrategy strategy, boolean afterRead, List<R> joined, List<R> nested, R recursive) {

    public PlannedStatement {
        joined = List.copyOf(joined);
        nested = List.copyOf(nested);
    }

    /** When a statement runs. */
    public enum When {
        ROOT,
        BATCH,
        PER_KEY,
        ON_READ
    }
}
