package dev.loadplan.internal;

import dev.loadplan.Strategy;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * One statement that loads a relation for every waiting parent at once ({@code SELECT_IN} or {@code SUBQUERY}),
 * then attaches each child row to the parents whose key it carries.
 */
final class BatchedStep<P, C> {

    private final int id;
    private final Relation<P, C> relation;
    private final Strategy strategy;
    private final String sql;
    private final NodeReader<C> reader;
    private final int parentKeyIndex;

    BatchedStep(int id, Relation<P, C> relation, Strategy strategy, String sql, NodeReader<C> reader,
            int parentKeyIndex) {
        this.id = id;
        this.relation = relation;
        this.strategy = strategy;
        this.sql = sql;
        this.reader = reader;
        this.parentKeyIndex = parentKeyIndex;
    }

    int id() {
        return id;
    }

    String sql() {
        return sql;
    }

    /** Runs the statement when a parent waits for it; a load with no parents runs nothing. */
    void run(Handle handle, LoadState state, RootBinds rootBinds) {
        ParentBatch batch = state.batchIfAny(id);
        if (batch == null || batch.isEmpty()) {
            return;
        }
        Query query = handle.createQuery(sql);
        if (strategy == Strategy.SELECT_IN) {
            Object[] keys = batch.keys();
            String arrayType = relation.keyArrayType();
            query.bind(0, (position, statement, context) -> {
                Array array = statement.getConnection().createArrayOf(arrayType, keys);
                context.addCleanable(array::free);
                statement.setArray(position, array);
            });
        } else {
            rootBinds.applyTo(query);
        }
        query.scanResultSet((rows, context) -> {
            ResultSet row = rows.get();
            while (row.next()) {
                attach(row, state, batch);
            }
            return null;
        });
    }

    private void attach(ResultSet row, LoadState state, ParentBatch batch) throws SQLException {
        C child = reader.read(row, state, null);
        if (child == null) {
            return;
        }
        Object key = relation.readKey(row, parentKeyIndex);
        batch.<P>forEachParent(key, parent -> relation.attach(parent, child));
    }
}
