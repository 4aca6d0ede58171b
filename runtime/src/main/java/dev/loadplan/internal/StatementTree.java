package dev.loadplan.internal;

import dev.loadplan.StatementFailedException;
import dev.loadplan.planner.NodePlan;
import dev.loadplan.planner.StatementPlan;
import dev.loadplan.planner.StepPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;

/**
 * One statement as its {@link StatementPlan} plans it, the reader of its rows, and the steps that load what its
 * entities' batched links wait for: the root of a plan, or what a lazy relationship runs on first read. Immutable;
 * every run has its own state.
 */
final class StatementTree<E> {

    private final StatementPlan<EntityMapping<?>, Relation<?, ?>> plan;
    /** What a failure calls the statement. */
    private final StatementName name;
    private final NodeReader<E> reader;
    private final List<BatchedStep<?, ?>> steps;
    /** Per step, the step whose reader reads its parents, or {@link StepRounds#TREE}. */
    private final int[] sourceOf;
    /**
     * For what a lazy relationship runs, the field of each row read that holds the parent it was run for, filled with
     * no statement; else null.
     */
    private final Relation<?, ?> backReference;

    StatementTree(StatementPlan<EntityMapping<?>, Relation<?, ?>> plan, StatementName name,
            List<BatchedStep<?, ?>> steps, Relation<?, ?> backReference) {
        this.plan = plan;
        this.name = name;
        this.reader = new NodeReader<>(plan.reader(), false);
        this.steps = List.copyOf(steps);
        this.backReference = backReference;
        this.sourceOf = new int[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).plan().id() != i) {
                throw new IllegalArgumentException("step " + i + " is numbered " + steps.get(i).plan().id());
            }
        }
        Arrays.fill(sourceOf, UNKNOWN);
        noteSources(plan.reader(), StepRounds.TREE);
        for (BatchedStep<?, ?> step : steps) {
            noteSources(step.plan().reader(), step.plan().id());
        }
        for (int i = 0; i < sourceOf.length; i++) {
            // A step no reader feeds would never run, and its relationship would read as empty: refused instead.
            if (sourceOf[i] == UNKNOWN) {
                throw new IllegalStateException(steps.get(i).what() + " is loaded by a step whose parents no "
                        + "statement of the plan reads");
            }
        }
    }

    /** What {@link #sourceOf} holds for a step until a reader is found to feed it. */
    private static final int UNKNOWN = -2;

    /** Notes {@code source} as where the parents of the steps {@code node}'s entities wait for come from. */
    private void noteSources(NodePlan<EntityMapping<?>, Relation<?, ?>> node, int source) {
        for (NodePlan.Batched<Relation<?, ?>> batched : node.batched()) {
            sourceOf[batched.stepId()] = source;
        }
        for (NodePlan.Joined<EntityMapping<?>, Relation<?, ?>> joined : node.joined()) {
            noteSources(joined.target(), source);
        }
        for (NodePlan.Nested<EntityMapping<?>, Relation<?, ?>> nested : node.nested()) {
            noteSources(nested.target(), source);
        }
    }

    /** Reads a row of a recursive statement: a root, or a child of a row read before it. */
    private void readRecursive(StatementPlan.Recursion<Relation<?, ?>> recursion, ResultSet row, LoadState state,
            List<E> roots) throws SQLException {
        int depth = row.getInt(recursion.depthIndex() + 1);
        E entity = reader.read(row, state, depth == 0 ? roots : null);
        if (depth > 0) {
            // The relation walked down leads from the statement's entity to the same entity.
            Relation<E, E> relation = PlanBinder.typed(recursion.relation());
            Object parentKey = relation.readKey(row, recursion.parentKeyIndex());
            @SuppressWarnings("unchecked")
            E parent = (E) state.table(relation.target()).get(parentKey);
            relation.attachDistinct(parent, entity);
            if (recursion.backReference() != null) {
                state.fillBackReference(PlanBinder.typed(recursion.backReference()), entity, parent);
            }
        }
    }

    EntityMapping<E> mapping() {
        return reader.mapping();
    }

    String sql() {
        return plan.sql();
    }

    /** The statement of a plan's root, bound to {@code binds}. */
    PlanStatement bound(RootBinds binds, Handle handle) {
        return PlanStatement.bindingRoot(name, plan.sql(), plan.jdbc(), binds, handle);
    }

    /** The statement of a lazy relationship, bound to the one parent key it loads for and the plan's values. */
    PlanStatement bound(Object key, RootBinds binds, Handle handle) {
        return PlanStatement.own(name, plan.jdbc().sql(),
                binds.arguments(plan.jdbc().parameters(), Binding.key(key), handle));
    }

    List<BatchedStep<?, ?>> steps() {
        return steps;
    }

    /** Why this tree cannot stream its roots batch by batch, or null when it can. */
    String whyNotStreamable() {
        if (plan.recursion() != null) {
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
        LoadState state = new LoadState(lazySource.identities(), lazySource, plan.readerCount(), steps.size(), null);
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
        // In the stream's transaction: the steps of a batch carry no transaction control.
        try (Pipeline pipeline = Pipeline.within(handle)) {
            new StepRounds(steps, sourceOf, handle, state, rootBinds, pipeline, true).runRest();
        }
        state.completeRecords();
        return reader.mapping().completeAll(roots);
    }

    /**
     * Runs {@code statement} (this tree's, bound), then every step, then builds the records read; returns the
     * entities the statement read, each once, in the order of their first row. {@code parent} is the entity a lazy
     * relationship's statement runs for, whose back-reference its rows get; null otherwise. {@code graphLock}, for a
     * lazy read, is the lock of the graph it reads into, which the caller holds and each statement lets go while it
     * runs; null for a plan's own load, which no other thread sees until it returns. {@code pipeline} sends the
     * statements, those of one round trip together ({@link StepRounds}).
     */
    List<E> run(Handle handle, PlanStatement statement, Identities identities, LazySource lazySource,
            RootBinds rootBinds, Object treeKeys, Object parent, ReentrantLock graphLock, Pipeline pipeline) {
        LoadState state = new LoadState(identities, lazySource, plan.readerCount(), steps.size(), graphLock);
        state.keys(StepPlan.TREE_KEYS, treeKeys);
        StepRounds rounds = new StepRounds(steps, sourceOf, handle, state, rootBinds, pipeline, false);
        rounds.sendWithTree(statement);
        List<E> read;
        try {
            read = readTree(handle, statement, state);
        } catch (StatementFailedException e) {
            throw pipeline.failedIn(e);
        }
        if (backReference != null) {
            Relation<E, Object> toParent = PlanBinder.typed(backReference);
            for (E child : read) {
                state.fillBackReference(toParent, child, parent);
            }
        }
        rounds.readWithTree();
        rounds.runRest();
        state.completeRecords();
        return read;
    }

    /** Runs the tree's statement and reads its rows; returns the entities it read first, in order. */
    private List<E> readTree(Handle handle, PlanStatement statement, LoadState state) {
        StatementPlan.Recursion<Relation<?, ?>> recursion = plan.recursion();
        return statement.run(handle, state, row -> {
            state.startStatement();
            List<E> firstVisits = new ArrayList<>();
            while (row.next()) {
                state.startRow();
                if (recursion == null) {
                    reader.read(row, state, firstVisits);
                } else {
                    readRecursive(recursion, row, state, firstVisits);
                }
            }
            return firstVisits;
        });
    }
}
