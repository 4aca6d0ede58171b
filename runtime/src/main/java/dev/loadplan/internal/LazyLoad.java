package dev.loadplan.internal;

import dev.loadplan.LoaderPlan;
import dev.loadplan.PlanEvent;
import dev.loadplan.Strategy;
import dev.loadplan.planner.LazyPlan;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.slf4j.LoggerFactory;

/**
 * What a {@code LAZY} relationship runs on first read: the children of one parent, and what the plan loads
 * below them, into the identity map of the load that created it.
 */
final class LazyLoad<C> {

    private final LazyPlan<EntityMapping<?>, Relation<?, ?>> plan;
    private final AtomicBoolean tornWarned = new AtomicBoolean();
    /** What the pooler check calls a read: made once, not on every read. */
    private final String loading;
    private StatementTree<C> tree;

    /** @param plan what the relationship runs, planned on first need */
    LazyLoad(LazyPlan<EntityMapping<?>, Relation<?, ?>> plan) {
        this.plan = plan;
        this.loading = "loading " + plan.relation().qualifiedName() + " (LAZY)";
    }

    /** What the relationship runs: its statement, then its steps; its warnings are logged when first planned. */
    synchronized StatementTree<C> tree() {
        if (tree == null) {
            var statement = plan.statement();
            statement.warnings().forEach(warning -> LoggerFactory.getLogger(LoaderPlan.class).warn(warning.text()));
            String relationship = plan.relation().qualifiedName();
            StatementName name = new StatementName(relationship + " (LAZY)", relationship, Strategy.LAZY);
            tree = PlanBinder.tree(statement, name, null, "the lazy read of " + relationship, plan.backReference());
        }
        return tree;
    }

    /**
     * Runs the tree for {@code parent} with the graph's lock held, but for the statements themselves: lazy reads of
     * one graph from several threads share its identity map, which is not thread-safe, and none waits on another's I/O.
     */
    private List<C> run(Handle handle, Object key, Object parent, LazySource source, Pipeline pipeline) {
        StatementTree<C> tree = tree();
        ReentrantLock graph = source.identities().lazyReads();
        graph.lock();
        try {
            // A subquery below binds this key again, as a one-element array.
            List<C> rows = tree.run(handle, tree.bound(key, source.binds(), handle), source.identities(), source,
                    source.binds(), new Object[] {key}, parent, graph, pipeline);
            return tree.mapping().completeAll(rows);
        } finally {
            graph.unlock();
        }
    }

    /**
     * The children of {@code parent}, whose key is {@code key}, in the relationship's order. A many-to-one's answer is
     * the graph's, once per distinct key: parents holding the same key share one read, which a target the graph holds
     * already answers with no statement (SQLAlchemy's lazy many-to-one from the identity map).
     */
    List<C> load(Object key, Object parent, LazySource source) {
        if (!plan.sameKeySameAnswer()) {
            return read(key, parent, source);
        }
        return source.identities().answer(this, key, () -> {
            if (plan.answeredFromGraph()) {
                List<C> known = source.identities().known(tree().mapping(), key);
                if (known != null) {
                    return known;
                }
            }
            return read(key, parent, source);
        });
    }

    /** Runs the statement for {@code parent}, whose key is {@code key}, on a connection of the source's. */
    private List<C> read(Object key, Object parent, LazySource source) {
        String relationship = plan.relation().qualifiedName();
        return source.withHandle(relationship, handle -> ObservedLoad.run(handle, tree().mapping().entityName(),
                () -> "the lazy read of " + relationship, PlanEvent.Kind.LAZY, source.stats(), () -> {
                    Pooler.check(handle, loading);
                    return Snapshot.consistent(handle, tree().steps().isEmpty(), relationship + " (LAZY)",
                            "the lazy read of " + relationship, tornWarned, pipeline -> run(handle, key, parent, source, pipeline));
                }));
    }
}
