package dev.loadplan.internal;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * A plan turned into what runs: the root statement and its reader, and the batched steps in the order they
 * run (each after the statement that finds its parents). Immutable, so one compiled plan serves every load.
 */
public final class CompiledPlan<E> {

    private final String rootSql;
    private final NodeReader<E> rootReader;
    private final List<BatchedStep<?, ?>> steps;
    private final int readerCount;

    CompiledPlan(String rootSql, NodeReader<E> rootReader, List<BatchedStep<?, ?>> steps, int readerCount) {
        this.rootSql = rootSql;
        this.rootReader = rootReader;
        this.steps = List.copyOf(steps);
        this.readerCount = readerCount;
    }

    String rootSql() {
        return rootSql;
    }

    NodeReader<E> rootReader() {
        return rootReader;
    }

    List<BatchedStep<?, ?>> steps() {
        return steps;
    }

    LoadState newLoadState() {
        return new LoadState(readerCount, steps.size());
    }

    /**
     * Loads the root rows and everything the plan loads with them. A plan of several statements runs them in
     * one transaction, the caller's if one is open, otherwise its own at REPEATABLE READ, so the graph is one
     * consistent snapshot.
     */
    public List<E> list(Handle handle, RootBinds binds) {
        if (steps.isEmpty() || handle.isInTransaction()) {
            return load(handle, binds);
        }
        return handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, transaction -> load(transaction, binds));
    }

    private List<E> load(Handle handle, RootBinds binds) {
        LoadState state = newLoadState();
        Query query = handle.createQuery(rootSql);
        binds.applyTo(query);
        List<E> roots = query.scanResultSet((rows, context) -> {
            ResultSet row = rows.get();
            List<E> firstVisits = new ArrayList<>();
            while (row.next()) {
                rootReader.read(row, state, firstVisits);
            }
            return firstVisits;
        });
        for (BatchedStep<?, ?> step : steps) {
            step.run(handle, state, binds);
        }
        return roots;
    }

    /** Every statement the plan can run, in order. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>(1 + steps.size());
        statements.add(rootSql);
        for (BatchedStep<?, ?> step : steps) {
            statements.add(step.sql());
        }
        return List.copyOf(statements);
    }
}
