package dev.loadplan.internal;

import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.StepPlan;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Loads a relation for the parents an earlier statement found, then attaches each child row to the parents
 * whose key it carries: with one statement for all of them ({@code SELECT_IN}, {@code SUBQUERY}) or one per
 * key ({@code IMMEDIATE}).
 */
final class BatchedStep<P, C> {

    private final int id;
    private final Relation<P, C> relation;
    private final LoadStrategy strategy;
    private final String sql;
    private final NodeReader<C> reader;
    private final int parentKeyIndex;
    private final int keysSlot;
    private final String keysArrayType;
    private final BackReference<C, P> backReference;

    private BatchedStep(int id, Relation<P, C> relation, LoadStrategy strategy, String sql, NodeReader<C> reader,
            int parentKeyIndex, int keysSlot, String keysArrayType, BackReference<C, P> backReference) {
        this.id = id;
        this.relation = relation;
        this.strategy = strategy;
        this.sql = sql;
        this.reader = reader;
        this.parentKeyIndex = parentKeyIndex;
        this.keysSlot = keysSlot;
        this.keysArrayType = keysArrayType;
        this.backReference = backReference;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static BatchedStep<?, ?> of(StepPlan plan) {
        return new BatchedStep<>(plan.id(), (Relation) plan.relation(), plan.strategy(), plan.sql(),
                NodeReader.of(plan.reader()), plan.parentKeyIndex(), plan.keysSlot(), plan.keysArrayType(),
                BackReference.of(plan.backReference()));
    }

    /** Runs the step when a parent waits for it; a load with no parents runs nothing. */
    void run(Handle handle, LoadState state, RootBinds rootBinds) {
        ParentBatch batch = state.batchIfAny(id);
        if (batch == null || batch.isEmpty()) {
            return;
        }
        switch (strategy) {
            case SELECT_IN -> {
                Object[] keys = batch.keys();
                state.keys(id, keys);
                attachAll(bindArray(handle.createQuery(sql), relation.keyArrayType(), keys), state, batch);
            }
            case SUBQUERY -> {
                Query query = handle.createQuery(sql);
                if (keysSlot == StepPlan.ROOT_BINDS) {
                    rootBinds.applyTo(query);
                } else {
                    bindArray(query, keysArrayType, state.keys(keysSlot));
                }
                attachAll(query, state, batch);
            }
            case IMMEDIATE -> {
                Object[] keys = batch.keys();
                state.keys(id, keys);
                for (Object key : keys) {
                    attachAll(handle.createQuery(sql).bind(0, Binding.key(key)), state, batch);
                }
            }
            default -> throw new IllegalStateException(strategy + " is not a step");
        }
    }

    /** Binds {@code keys} as the statement's one array parameter, {@code = ANY(?)}. */
    static Query bindArray(Query query, String arrayType, Object[] keys) {
        return query.bind(0, (position, statement, context) -> {
            Array array = statement.getConnection().createArrayOf(arrayType, keys);
            context.addCleanable(array::free);
            statement.setArray(position, array);
        });
    }

    private void attachAll(Query statement, LoadState state, ParentBatch batch) {
        // Closed at once, so the driver keeps the statement for the next load and can prepare it on the server.
        try (Query query = statement) {
            scan(query, state, batch);
        }
    }

    private void scan(Query query, LoadState state, ParentBatch batch) {
        query.scanResultSet((rows, context) -> {
            ResultSet row = rows.get();
            state.startStatement();
            while (row.next()) {
                state.startRow();
                C child = reader.read(row, state, null);
                if (child != null) {
                    Object key = relation.readKey(row, parentKeyIndex);
                    batch.<P>forEachParent(key, parent -> {
                        state.attach(relation, parent, child, false);
                        if (backReference != null) {
                            backReference.fill(child, parent, state);
                        }
                    });
                }
            }
            return null;
        });
    }
}
