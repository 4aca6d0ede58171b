package dev.loadplan.internal;

import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.StepPlan;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

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
                Object keys = batch.keys();
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
                Object keys = batch.keys();
                state.keys(id, keys);
                if (keys instanceof long[] longs) {
                    for (long key : longs) {
                        attachAll(handle.createQuery(sql).bind(0, Binding.key(key)), state, batch);
                    }
                } else {
                    for (Object key : (Object[]) keys) {
                        attachAll(handle.createQuery(sql).bind(0, Binding.key(key)), state, batch);
                    }
                }
            }
            default -> throw new IllegalStateException(strategy + " is not a step");
        }
    }

    /**
     * Binds {@code keys} as the statement's one array parameter, {@code = ANY(?)}: a {@code long[]} as the driver's
     * own array of {@code int8}, unboxed (whatever width the key column has, PostgreSQL compares it), other keys as a
     * {@code java.sql.Array} of {@code arrayType}.
     */
    static Query bindArray(Query query, String arrayType, Object keys) {
        if (keys instanceof long[] longs) {
            return query.bind(0, new KeyArray(longs, (position, statement, context) ->
                    statement.setObject(position, longs)));
        }
        Object[] objects = (Object[]) keys;
        return query.bind(0, new KeyArray(objects, (position, statement, context) -> {
            Array array = statement.getConnection().createArrayOf(arrayType, objects);
            context.addCleanable(array::free);
            statement.setArray(position, array);
        }));
    }

    /** The keys a statement binds as one array, shown by their values in JDBI's logger and exceptions. */
    private record KeyArray(Object keys, Argument setter) implements Argument {

        @Override
        public void apply(int position, PreparedStatement statement, StatementContext context) throws SQLException {
            setter.apply(position, statement, context);
        }

        @Override
        public String toString() {
            String values = keys instanceof long[] longs ? Arrays.toString(longs) : Arrays.toString((Object[]) keys);
            return values.length() > 200 ? values.substring(0, 200) + "...]" : values;
        }
    }

    private void attachAll(Query statement, LoadState state, ParentBatch batch) {
        // Closed at once, so the driver keeps the statement for the next load and can prepare it on the server.
        try (Query query = statement) {
            scan(query, state, batch);
        }
    }

    @SuppressWarnings("unchecked")
    private void attach(Object parent, C child, LoadState state) {
        P owner = (P) parent;
        state.attach(relation, owner, child, false);
        if (backReference != null) {
            backReference.fill(child, owner, state);
        }
    }

    private void scan(Query query, LoadState state, ParentBatch batch) {
        query.scanResultSet((rows, context) -> {
            ResultSet row = rows.get();
            state.startStatement();
            while (row.next()) {
                state.startRow();
                C child = reader.read(row, state, null);
                if (child == null) {
                    continue;
                }
                Object parents = relation.longKeys() ? batch.parentsOf(relation.readLongKey(row, parentKeyIndex))
                        : batch.parentsOf(relation.readKey(row, parentKeyIndex));
                if (parents instanceof ParentBatch.SharedKey shared) {
                    for (Object parent : shared.parents) {
                        attach(parent, child, state);
                    }
                } else if (parents != null) {
                    attach(parents, child, state);
                }
            }
            return null;
        });
    }
}
