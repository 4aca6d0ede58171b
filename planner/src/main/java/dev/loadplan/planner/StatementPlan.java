package dev.loadplan.planner;

import dev.loadplan.planner.sql.JdbcSql;
import java.util.List;

/**
 * One statement, how its rows are read, and the steps that load what its entities' batched links wait for: the
 * root of a plan, or what a lazy relationship runs on first read.
 *
 * @param <E> the type of the entities the planner was given (see {@link MappedEntity})
 * @param <R> the type of their relations
 * @param readerCount how many {@link NodePlan}s the statement and its steps read with
 * @param recursion how the rows of a recursive statement hang together, or null
 * @param warnings what the statement does that works but costs more than it should
 * @param jdbc the statement as JDBC runs it, binding only loadplan's own values; null when it holds SQL the caller
 *     wrote (a fragment, or their own statement), whose named parameters the caller's {@code Jdbi} binds
 */
public record StatementPlan<E, R>(String sql, NodePlan<E, R> reader, List<StepPlan<E, R>> steps, int readerCount,
        Recursion<R> recursion, List<PlanWarning<R>> warnings, JdbcSql jdbc) {

    public StatementPlan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /**
     * How a recursive statement's rows hang together: each row's depth (its last column), and the key of its parent,
     * a row of an earlier depth. Rows of depth 0 are the roots.
     *
     * @param backReference the field of each child that holds its parent, filled with no statement; or null
     */
    public record Recursion<R>(R relation, int depthIndex, int parentKeyIndex, R backReference) {
    }
}
