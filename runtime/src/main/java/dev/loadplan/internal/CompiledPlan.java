package dev.loadplan.internal;

import dev.loadplan.PlanEvent;
import dev.loadplan.planner.PlanWarning;
import dev.loadplan.planner.PlannedLoad;
import dev.loadplan.planner.PlannedStatement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A plan turned into what runs: the root statement tree, and the statements lazy relationships run later.
 * Immutable but for whether it warned of a torn snapshot, so one compiled plan serves every load, from any thread.
 */
public final class CompiledPlan<E> {

    private final PlannedLoad<EntityMapping<?>, Relation<?, ?>> planned;
    private final StatementTree<E> root;
    /** Whether a load of this shape in a caller's transaction below REPEATABLE READ was warned of: once is enough. */
    private final AtomicBoolean tornWarned = new AtomicBoolean();
    /** The plan as warnings and listeners name it, worked out once per shape: see {@link #describe()}. */
    private final String description;
    /** What the pooler check calls a load and a stream of this plan: made once, not on every load. */
    private final String loading;
    private final String streaming;

    private CompiledPlan(PlannedLoad<EntityMapping<?>, Relation<?, ?>> planned, StatementTree<E> root) {
        this.planned = planned;
        this.root = root;
        this.description = describe(root.mapping().entityName(), planned);
        this.loading = "loading " + root.mapping().entityName();
        this.streaming = "streaming " + root.mapping().entityName();
    }

    /** What runs {@code planned}: readers and steps bound to the generated mappings the planner planned with. */
    static <E> CompiledPlan<E> of(PlannedLoad<EntityMapping<?>, Relation<?, ?>> planned) {
        String root = planned.root().reader().entity().entityName();
        StatementName name = StatementName.root(root + " (the plan's first statement)");
        return new CompiledPlan<>(planned, PlanBinder.tree(planned.root(), name, root, "a plan of " + root, null));
    }

    /** What the plan does that works but costs more than it should, such as joining sibling collections. */
    public List<String> warnings() {
        return planned.warnings().stream().map(PlanWarning::text).toList();
    }

    /**
     * Loads the root rows and everything the plan loads with them. A plan of several statements runs them in
     * one transaction, the caller's if one is open, otherwise its own at REPEATABLE READ, so the graph is one
     * consistent snapshot. Lazy relationships read later through {@code jdbi} when given, else {@code handle}.
     */
    public List<E> list(Handle handle, RootBinds binds, Jdbi jdbi) {
        Identities identities = new Identities();
        LoadStats stats = new LoadStats();
        LazySource lazySource = new LazySource(jdbi, handle, identities, binds, stats);
        return ObservedLoad.run(handle, name(), this::describe, PlanEvent.Kind.LOAD, stats, () -> {
            Pooler.check(handle, loading);
            return Snapshot.consistent(handle, root.steps().isEmpty(), name(), describe(), tornWarned,
                    pipeline -> load(handle, binds, identities, lazySource, pipeline));
        });
    }

    /** As {@link #list(Handle, RootBinds, Jdbi)} on a handle of its own from {@code jdbi}, closed before returning. */
    public List<E> list(Jdbi jdbi, RootBinds binds) {
        return Handles.with(jdbi, name(), handle -> list(handle, binds, jdbi));
    }

    /**
     * The roots as they are read, with what the plan loads below them loaded batch by batch, {@code batchSize} roots
     * at a time; closing the stream closes its cursor and ends its transaction.
     */
    public Stream<E> stream(Handle handle, RootBinds binds, int batchSize) {
        Pooler.check(handle, streaming);
        if (!root.steps().isEmpty() && Snapshot.inTransaction(handle, name())) {
            Snapshot.checkCallers(handle, describe(), tornWarned);
        }
        StreamedLoad<E> load = StreamedLoad.open(handle, root, binds, batchSize, name(), this::describe);
        return StreamSupport.stream(load, false).onClose(load::close);
    }

    /**
     * The plan as a warning names it: {@code Author's plan (Author.books SELECT_IN, Book.reviews SUBQUERY)}, the links
     * that run statements of their own at load.
     */
    String describe() {
        return description;
    }

    private static String describe(String root, PlannedLoad<EntityMapping<?>, Relation<?, ?>> planned) {
        List<String> links = planned.described().stream()
                .filter(statement -> !statement.afterRead() && (statement.when() == PlannedStatement.When.BATCH
                        || statement.when() == PlannedStatement.When.PER_KEY))
                .map(statement -> statement.relation().qualifiedName() + " " + statement.strategy())
                .toList();
        return root + "'s plan (" + String.join(", ", links) + ")";
    }

    /** What a failure of the whole load calls it: its root entity. */
    private String name() {
        return root.mapping().entityName();
    }

    private List<E> load(Handle handle, RootBinds binds, Identities identities, LazySource lazySource,
            Pipeline pipeline) {
        List<E> rows = root.run(handle, root.bound(binds, handle), identities, lazySource, binds,
                null, null, null, pipeline);
        return root.mapping().completeAll(rows);
    }

    /**
     * Every statement the plan can run, in order: the root statement, each step's, then the statements of lazy
     * relationships, which run on first read, once per parent (with theirs, but not those of lazy relationships
     * below them).
     */
    public List<String> statements() {
        return planned.statements();
    }
}
