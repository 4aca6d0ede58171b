package dev.loadplan.internal;

import dev.loadplan.planner.StepPlan;
import dev.loadplan.planner.sql.JdbcSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;

/**
 * Loads a relation for the parents an earlier statement found, as its {@link StepPlan} plans it, then attaches each
 * child row to the parents whose key it carries. Each strategy that runs a step is a subclass, which decides the
 * statements it runs for a batch of parents: one for all of them ({@link SelectInStep}, {@link SubqueryStep}) or one
 * per key ({@link ImmediateStep}).
 */
abstract sealed class BatchedStep<P, C> permits SelectInStep, SubqueryStep, ImmediateStep {

    private final StepPlan<EntityMapping<?>, Relation<?, ?>> plan;
    /** What a failure calls the statement: the relationship and its strategy. */
    private final StatementName name;
    private final NodeReader<C> reader;

    BatchedStep(StepPlan<EntityMapping<?>, Relation<?, ?>> plan, StatementName name) {
        this.plan = plan;
        this.name = name;
        this.reader = new NodeReader<>(plan.reader(), false);
    }

    final StepPlan<EntityMapping<?>, Relation<?, ?>> plan() {
        return plan;
    }

    final StatementName name() {
        return name;
    }

    /**
     * Whether the step's statement repeats the root statement as a subquery: it selects the children of every root,
     * not of the parents it has keys for.
     */
    boolean repeatsRoot() {
        return false;
    }

    final String what() {
        return name.what();
    }

    /**
     * Whether the step's statement binds keys read by the statement before it, so it goes to the server only once
     * that statement's rows are read; false for a subquery, which binds what the statement it repeats binds.
     */
    boolean waitsForRows() {
        return true;
    }

    /**
     * Whether the statements the step runs depend on what the graph holds when they are made, so they are made only
     * once every step before it has read its rows, as when each step ran alone.
     */
    boolean readsTheGraph() {
        return false;
    }

    /** The keys of {@code batch}'s parents, kept in {@code state} for a SUBQUERY below, which binds them again. */
    final Object keysOf(ParentBatch batch, LoadState state) {
        Object keys = batch.keys();
        state.keys(plan.id(), keys);
        return keys;
    }

    /**
     * The step's statements for the parents of {@code batch}, bound, in the order they run: one, or one per key the
     * graph does not answer ({@link ImmediateStep}); {@link #read} reads each. {@code batch} is null for a subquery
     * sent before the statement it repeats was read.
     */
    abstract List<PlanStatement> statements(Handle handle, LoadState state, RootBinds rootBinds, ParentBatch batch);

    /**
     * Reads the rows of {@code statement}, one of the step's, attaching each child to the parents of the step's batch.
     * A subquery sent before the statement it repeats was read may find no parent waits: its rows are then left
     * unread, attaching nothing, as a statement that did not run.
     */
    final void read(Handle handle, PlanStatement statement, LoadState state) {
        ParentBatch batch = state.batchIfAny(plan.id());
        if (batch == null || batch.isEmpty()) {
            statement.run(handle, state, rows -> null);
            return;
        }
        attachAll(handle, statement, state, batch);
    }

    /** The step's statement in its JDBC form, binding {@code keys} and whatever the link's fragments name. */
    final PlanStatement own(Argument keys, RootBinds rootBinds, Handle handle) {
        JdbcSql jdbc = plan.jdbc();
        return PlanStatement.own(name, jdbc.sql(), rootBinds.arguments(jdbc.parameters(), keys, handle));
    }

    private void attachAll(Handle handle, PlanStatement statement, LoadState state, ParentBatch batch) {
        statement.run(handle, state, row -> {
            scan(row, state, batch);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private void attach(Relation<P, C> relation, Object parent, C child, LoadState state) {
        P owner = (P) parent;
        state.attach(relation, owner, child, false);
        Relation<?, ?> backReference = plan.backReference();
        if (backReference != null) {
            state.fillBackReference(PlanBinder.typed(backReference), child, owner);
        }
    }

    private void scan(ResultSet row, LoadState state, ParentBatch batch) throws SQLException {
        state.startStatement();
        // The step loads a relation of the parents it has keys of, whose children its reader reads.
        Relation<P, C> relation = PlanBinder.typed(plan.relation());
        int parentKeyIndex = plan.parentKeyIndex();
        while (row.next()) {
            state.startRow();
            C child = reader.read(row, state, null);
            if (child == null) {
                continue;
            }
            Object parents = relation.longKeys() ? batch.parentsOf(relation.readLongKey(row, parentKeyIndex))
                    : batch.parentsOf(relation.readKey(row, parentKeyIndex));
            attachToEach(relation, parents, child, state);
        }
    }

    /** Attaches {@code child} to {@code parents}: one parent, a {@link ParentBatch.SharedKey}, or null for none. */
    private void attachToEach(Relation<P, C> relation, Object parents, C child, LoadState state) {
        if (parents instanceof ParentBatch.SharedKey shared) {
            for (Object parent : shared.parents) {
                attach(relation, parent, child, state);
            }
        } else if (parents != null) {
            attach(relation, parents, child, state);
        }
    }

    /**
     * For a step whose plan says a target already in the graph answers a key ({@link StepPlan#answeredFromGraph()}):
     * attaches the target the graph holds under {@code key} to the parents waiting for it, and returns true; false
     * when the graph holds none, and the key needs its statement.
     */
    final boolean attachedFromGraph(Object key, LoadState state, ParentBatch batch) {
        if (!plan.answeredFromGraph()) {
            return false;
        }
        // The target's entity (or record holder), as the step's reader would have read it from the row.
        @SuppressWarnings("unchecked")
        C known = (C) state.table(plan.reader().entity()).get(key);
        if (known == null) {
            return false;
        }
        attachToEach(PlanBinder.typed(plan.relation()), batch.parentsOf(key), known, state);
        return true;
    }
}
