package dev.loadplan.internal;

import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * What a {@code LAZY} relationship runs on first read: the children of one parent, and what the plan loads
 * below them, into the identity map of the load that created it.
 */
final class LazyLoad<C> {

    private final String relationship;
    private Supplier<StatementTree<C>> compiler;
    private StatementTree<C> tree;

    /**
     * @param compiler compiles what the relationship runs, on first need: compiling it with the plan would never
     *     end where lazy links lead back to where they started (User.orders, then Order.user, then ...)
     */
    LazyLoad(String relationship, Supplier<StatementTree<C>> compiler) {
        this.relationship = relationship;
        this.compiler = compiler;
    }

    /** What the relationship runs: its statement, then its steps. */
    synchronized StatementTree<C> tree() {
        if (tree == null) {
            tree = compiler.get();
            compiler = null;
        }
        return tree;
    }

    private List<C> run(org.jdbi.v3.core.Handle handle, Object key, LazySource source) {
        StatementTree<C> tree = tree();
        // A subquery below binds this key again, as a one-element array.
        List<C> rows = tree.run(handle, handle.createQuery(tree.sql()).bind(0, key), source.identities(), source,
                RootBinds.NONE, new Object[] {key});
        return tree.mapping().completeAll(rows);
    }

    /** The children whose parent key is {@code key}, in the relationship's order. */
    List<C> load(Object key, LazySource source) {
        // Lazy reads may come from several threads; the identity map they share is not thread-safe.
        synchronized (source.identities()) {
            return source.withHandle(relationship, handle -> {
                StatementTree<C> tree = tree();
                if (tree.steps().isEmpty() || handle.isInTransaction()) {
                    return run(handle, key, source);
                }
                return handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                        transaction -> run(transaction, key, source));
            });
        }
    }
}
