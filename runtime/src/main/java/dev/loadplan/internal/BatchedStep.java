package dev.loadplan.internal;

import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.StepPlan;
import dev.loadplan.planner.sql.JdbcSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;

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
    /** The statement as JDBC runs it, or null when it repeats a root statement holding the caller's SQL. */
    private final JdbcSql jdbc;
    /** What a failure calls the statement: the relationship and its strategy. */
    private final StatementName name;
    private final NodeReader<C> reader;
    private final int parentKeyIndex;
    private final int keysSlot;
    private final String keysArrayType;
    private final BackReference<C, P> backReference;

    private BatchedStep(int id, Relation<P, C> relation, LoadStrategy strategy, String sql, JdbcSql jdbc,
            StatementName name, NodeReader<C> reader, int parentKeyIndex, int keysSlot, String keysArrayType,
            BackReference<C, P> backReference) {
        this.id = id;
        this.relation = relation;
        this.strategy = strategy;
        this.sql = sql;
        this.jdbc = jdbc;
        this.name = name;
        this.reader = reader;
        this.parentKeyIndex = parentKeyIndex;
        this.keysSlot = keysSlot;
        this.keysArrayType = keysArrayType;
        this.backReference = backReference;
    }

    /**
     * The step {@code plan} plans. A failure calls it by its relationship and strategy, and names {@code within} (the
     * plan or lazy read it runs in) unless the relationship is of {@code rootEntity}: {@code Author.books (SELECT_IN)},
     * {@code Book.reviews (SELECT_IN), in a plan of Author,} (before "failed").
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static BatchedStep<?, ?> of(StepPlan plan, String rootEntity, String within) {
        String relationship = plan.relation().qualifiedName();
        String what = relationship + " (" + plan.strategy() + ")"
                + (rootEntity != null && relationship.startsWith(rootEntity + ".") ? "" : ", in " + within + ",");
        StatementName name = new StatementName(what, relationship, Strategies.of(plan.strategy()));
        return new BatchedStep<>(plan.id(), (Relation) plan.relation(), plan.strategy(), plan.sql(), plan.jdbc(), name,
                NodeReader.of(plan.reader()), plan.parentKeyIndex(), plan.keysSlot(), plan.keysArrayType(),
                BackReference.of(plan.backReference()));
    }

    /**
     * Whether the step's statement repeats the root statement as a subquery: it selects the children of every root,
     * not of the parents it has keys for.
     */
    boolean repeatsRoot() {
        return strategy == LoadStrategy.SUBQUERY && keysSlot == StepPlan.ROOT_BINDS;
    }

    String what() {
        return name.what();
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
                Argument keysArgument = Binding.keys(relation.keyArrayType(), keys);
                attachAll(handle, own(keysArgument, rootBinds, handle), state, batch);
            }
            case SUBQUERY -> {
                PlanStatement statement = keysSlot == StepPlan.ROOT_BINDS
                        ? PlanStatement.bindingRoot(name, sql, jdbc, rootBinds, handle)
                        : own(Binding.keys(keysArrayType, state.keys(keysSlot)), rootBinds, handle);
                attachAll(handle, statement, state, batch);
            }
            case IMMEDIATE -> {
                Object keys = batch.keys();
                state.keys(id, keys);
                if (keys instanceof long[] longs) {
                    for (long key : longs) {
                        attachAll(handle, own(Binding.bigint(key), rootBinds, handle), state, batch);
                    }
                } else {
                    for (Object key : (Object[]) keys) {
                        attachAll(handle, own(Binding.key(key), rootBinds, handle), state, batch);
                    }
                }
            }
            default -> throw new IllegalStateException(strategy + " is not a step");
        }
    }

    /** The step's statement in its JDBC form, binding {@code keys} and whatever the link's fragments name. */
    private PlanStatement own(Argument keys, RootBinds rootBinds, Handle handle) {
        return PlanStatement.own(name, jdbc.sql(), rootBinds.arguments(jdbc.parameters(), keys, handle));
    }

    private void attachAll(Handle handle, PlanStatement statement, LoadState state, ParentBatch batch) {
        statement.run(handle, state, row -> {
            scan(row, state, batch);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private void attach(Object parent, C child, LoadState state) {
        P owner = (P) parent;
        state.attach(relation, owner, child, false);
        if (backReference != null) {
            backReference.fill(child, owner, state);
        }
    }

    private void scan(ResultSet row, LoadState state, ParentBatch batch) throws SQLException {
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
    }
}
