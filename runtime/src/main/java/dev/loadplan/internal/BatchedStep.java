package dev.loadplan.internal;

import dev.loadplan.planner.StepPlan;
import dev.loadplan.planner.sql.JdbcSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;

/**
 * Loads a relation for the parents an earlier statement found, then attaches each child row to the parents
 * whose key it carries. Each strategy that runs a step is a subclass, which decides the statements it runs for a
 * batch of parents: one for all of them ({@link SelectInStep}, {@link SubqueryStep}) or one per key
 * ({@link ImmediateStep}).
 */
abstract sealed class BatchedStep<P, C> permits SelectInStep, SubqueryStep, ImmediateStep {

    /**
     * What every step is made of, as {@link PlanBinder} binds it from the planner's step.
     *
     * @param sql the statement's text, as {@code sql()} shows it
     * @param jdbc the statement as JDBC runs it, or null when it repeats a root statement holding the caller's SQL
     * @param name what a failure calls the statement: the relationship and its strategy
     * @param keysSlot for a subquery, what its repeated parent query binds (see {@link StepPlan#keysSlot()})
     */
    record Parts<P, C>(int id, Relation<P, C> relation, String sql, JdbcSql jdbc, StatementName name,
            NodeReader<C> reader, int parentKeyIndex, int keysSlot, String keysArrayType,
            BackReference<C, P> backReference) {
    }

    private final Parts<P, C> parts;

    BatchedStep(Parts<P, C> parts) {
        this.parts = parts;
    }

    final Parts<P, C> parts() {
        return parts;
    }

    /**
     * Whether the step's statement repeats the root statement as a subquery: it selects the children of every root,
     * not of the parents it has keys for.
     */
    boolean repeatsRoot() {
        return false;
    }

    final String what() {
        return parts.name().what();
    }

    /** Runs the step when a parent waits for it; a load with no parents runs nothing. */
    final void run(Handle handle, LoadState state, RootBinds rootBinds) {
        ParentBatch batch = state.batchIfAny(parts.id());
        if (batch == null || batch.isEmpty()) {
            return;
        }
        load(handle, state, rootBinds, batch);
    }

    /** The keys of {@code batch}'s parents, kept in {@code state} for a SUBQUERY below, which binds them again. */
    final Object keysOf(ParentBatch batch, LoadState state) {
        Object keys = batch.keys();
        state.keys(parts.id(), keys);
        return keys;
    }

    /** Runs the step's statements for the parents of {@code batch}, attaching the children they read. */
    abstract void load(Handle handle, LoadState state, RootBinds rootBinds, ParentBatch batch);

    /** The step's statement in its JDBC form, binding {@code keys} and whatever the link's fragments name. */
    final PlanStatement own(Argument keys, RootBinds rootBinds, Handle handle) {
        JdbcSql jdbc = parts.jdbc();
        return PlanStatement.own(parts.name(), jdbc.sql(), rootBinds.arguments(jdbc.parameters(), keys, handle));
    }

    final void attachAll(Handle handle, PlanStatement statement, LoadState state, ParentBatch batch) {
        statement.run(handle, state, row -> {
            scan(row, state, batch);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private void attach(Object parent, C child, LoadState state) {
        P owner = (P) parent;
        state.attach(parts.relation(), owner, child, false);
        if (parts.backReference() != null) {
            parts.backReference().fill(child, owner, state);
        }
    }

    private void scan(ResultSet row, LoadState state, ParentBatch batch) throws SQLException {
        state.startStatement();
        while (row.next()) {
            state.startRow();
            C child = parts.reader().read(row, state, null);
            if (child == null) {
                continue;
            }
            Relation<P, C> relation = parts.relation();
            Object parents = relation.longKeys() ? batch.parentsOf(relation.readLongKey(row, parts.parentKeyIndex()))
                    : batch.parentsOf(relation.readKey(row, parts.parentKeyIndex()));
            if (parents instanceof ParentBatch.SharedKey shared) {
                for (Object parent : shared.parents) {
                    attach(parent, child, state);
                }
            } else if (parents != null) {
                attach(parents, child, state);
            }
        }
    }
}
