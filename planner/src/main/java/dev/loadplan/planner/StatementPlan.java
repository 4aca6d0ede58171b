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
     * The strategy the plan gave {@code relation} of the statement's first entity, as it loads it: the plan's own,
     * its wildcard or the declared default, fitted to where it sits; null for a relation the statement fills itself
     * (a recursive walk), or one the entity does not have.
     */
    public LoadStrategy strategyOf(R relation) {
        for (NodePlan.Joined<E, R> link : reader.joined()) {
            if (link.relation().equals(relation)) {
                return LoadStrategy.JOINED;
            }
        }
        for (NodePlan.Nested<E, R> link : reader.nested()) {
            if (link.relation().equals(relation)) {
                return LoadStrategy.NESTED;
            }
        }
        for (NodePlan.Batched<R> link : reader.batched()) {
            if (link.relation().equals(relation)) {
                return steps.get(link.stepId()).strategy();
            }
        }
        for (NodePlan.Lazy<E, R> link : reader.lazy()) {
            if (link.relation().equals(relation)) {
                return LoadStrategy.LAZY;
            }
        }
        for (NodePlan.Unloaded<R> link : reader.unloaded()) {
            if (link.relation().equals(relation)) {
                return link.strategy();
            }
        }
        return null;
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
