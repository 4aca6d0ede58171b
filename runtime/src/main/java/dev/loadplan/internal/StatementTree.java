package dev.loadplan.internal;

import dev.loadplan.planner.StepPlan;
import dev.loadplan.planner.sql.JdbcSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;

/**
 * One statement, the reader of its rows, and the steps that load what its entities' batched links wait for:
 * the root of a plan, or what a lazy relationship runs on first read. Immutable; every run has its own state.
 */
final class StatementTree<E> {

    private final String sql;
    /** The statement as JDBC runs it, or null when it holds the caller's SQL. */
    private final JdbcSql jdbc;
    /** What a failure calls the statement. */
    private final StatementName name;
    private final NodeReader<E> reader;
    private final List<BatchedStep<?, ?>> steps;
    private final int readerCount;
    private final Recursion<E> recursion;
    private final BackReference<E, Object> backReference;

    /**
     * How a recursive statement's rows hang together: each row's depth, and the key of its parent, a row of an
     * earlier depth. Rows of depth 0 are the roots.
     */
    record Recursion<E>(Relation<E, E> relation, int depthIndex, int parentKeyIndex,
            BackReference<E, E> backReference) {
    }

    StatementTree(String sql, JdbcSql jdbc, StatementName name, NodeReader<E> reader,
            List<BatchedStep<?, ?>> steps, int readerCount, Recursion<E> recursion,
            BackReference<E, Object> backReference) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.name = name;
        this.reader = reader;
        this.steps = List.copyOf(steps);
        this.readerCount = readerCount;
        this.recursion = recursion;
        this.backReference = backReference;
    }

    /** Reads a row of a recursive statement: a root, or a child of a row read before it. */
    private void readRecursive(ResultSet row, LoadState state, List<E> roots) throws SQLException {
        int depth = row.getInt(recursion.depthIndex() + 1);
        E entity = reader.read(row, state, depth == 0 ? roots : null);
        if (depth > 0) {
            Object parentKey = recursion.relation().readKey(row, recursion.parentKeyIndex());
            @SuppressWarnings("unchecked")
            E parent = (E) state.table(recursion.relation().target()).get(parentKey);
            recursion.relation().attachDistinct(parent, entity);
            if (recursion.backReference() != null) {
                recursion.backReference().fill(entity, parent, state);
            }
        }
    }

    EntityMapping<E> mapping() {
        return reader.mapping();
    }

    String sql() {
        return sql;
    }

    /** The statement of a plan's root, bound to {@code binds}. */
    PlanStatement bound(RootBinds binds, Handle handle) {
        return PlanStatement.bindingRoot(name, sql, jdbc, binds, handle);
    }

    /** The statement of a lazy relationship, bound to the one parent key it loads for and the plan's values. */
    PlanStatement bound(Object key, RootBinds binds, Handle handle) {
        return PlanStatement.own(name, jdbc.sql(), binds.arguments(jdbc.parameters(), Binding.key(key), handle));
    }

    List<BatchedStep<?, ?>> steps() {
        return steps;
    }

    /** Why this tree cannot stream its roots batch by batch, or null when it can. */
    String whyNotStreamable() {
        if (recursion != null) {
            return "it loads whole trees WITH RECURSIVE, whose rows do not come root by root";
        }
        for (BatchedStep<?, ?> step : steps) {
            if (step.repeatsRoot()) {
                return step.what() + " repeats the root statement as a subquery, so each batch would load the "
                        + "children of every root: load it SELECT_IN, which binds the keys of the batch";
            }
        }
        return null;
    }

    /**
     * Reads the next batch of a stream from {@code cursor}, the open rows of {@code statement}: up to
     * {@code batchSize} roots with every row each brings (a root's joined rows are next to each other, the statement
     * orders by its key), then runs the steps for those roots only. Each batch has an identity map of its own, so
     * memory is bounded by the batch, not the stream. Returns the roots in order; empty past the last row.
     */
    List<E> readBatch(Handle handle, PlanStatement statement, RowCursor cursor, LazySource lazySource,
            RootBinds rootBinds, int batchSize) {
        LoadState state = new LoadState(lazySource.identities(), lazySource, readerCount, steps.size(), null);
        List<E> roots = new ArrayList<>();
        try {
            ResultSet row = cursor.rows();
            state.startStatement();
            Object lastKey = null;
            while (cursor.next()) {
                if (lastKey != null && !lastKey.equals(reader.key(row))) {
                    cursor.keep();
                    break;
                }
                state.startRow();
                reader.read(row, state, roots);
                if (lastKey == null && roots.size() == batchSize) {
                    lastKey = reader.key(row);
                }
            }
        } catch (SQLException e) {
            throw statement.failed(e);
        }
        cursor.read(state.rowsOfStatement());
        lazySource.stats().objectsRead(state.takeObjectsRead());
        completeAfter(handle, state, rootBinds);
        return reader.mapping().completeAll(roots);
    }

    /**
     * Runs {@code statement} (this tree's, bound), then every step, then builds the records read; returns the
     * entities the statement read, each once, in the order of their first row. {@code parent} is the entity a lazy
     * relationship's statement runs for, whose back-reference its rows get; null otherwise. {@code graphLock}, for a
     * lazy read, is the lock of the graph it reads into, which the caller holds and each statement lets go while it
     * runs; null for a plan's own load, which no other thread sees until it returns.
     */
    List<E> run(Handle handle, PlanStatement statement, Identities identities, LazySource lazySource,
            RootBinds rootBinds, Object treeKeys, Object parent, ReentrantLock graphLock) {
        LoadState state = new LoadState(identities, lazySource, readerCount, steps.size(), graphLock);
        state.keys(StepPlan.TREE_KEYS, treeKeys);
        List<E> read = statement.run(handle, state, row -> {
            state.startStatement();
            List<E> firstVisits = new ArrayList<>();
            while (row.next()) {
                state.startRow();
                if (recursion == null) {
                    reader.read(row, state, firstVisits);
                } else {
                    readRecursive(row, state, firstVisits);
                }
            }
            return firstVisits;
        });
        if (backReference != null) {
            for (E child : read) {
                backReference.fill(child, parent, state);
            }
        }
        completeAfter(handle, state, rootBinds);
        return read;
    }

    /** After the tree's statement: every step for the parents it read, then the records those rows hold. */
    private void completeAfter(Handle handle, LoadState state, RootBinds rootBinds) {
        for (BatchedStep<?, ?> step : steps) {
            step.run(handle, state, rootBinds);
        }
        state.completeRecords();
    }
}
