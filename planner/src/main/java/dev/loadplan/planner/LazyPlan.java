package dev.loadplan.planner;

import java.util.function.Supplier;

/**
 * What a {@code LAZY} relationship runs on first read: the children of one parent, and what the plan loads below
 * them. Planned on first need, once: planning it with the plan would never end where lazy links lead back to where
 * they started ({@code User.orders}, then {@code Order.user}, then ...).
 *
 * @param <E> the type of the entities the planner was given (see {@link MappedEntity})
 * @param <R> the type of their relations
 * @see NodePlan.Lazy
 */
public final class LazyPlan<E, R> {

    private final E parent;
    private final R relation;
    private final String path;
    private final R backReference;
    /** Whether the parent's key is the target's own and decides alone what the relation holds. */
    private final boolean keyIsTargetId;
    /** Whether the link's plan filters, orders or limits what it loads. */
    private final boolean hasCriteria;
    private Supplier<StatementPlan<E, R>> planner;
    private volatile StatementPlan<E, R> statement;

    LazyPlan(E parent, R relation, String path, R backReference, boolean keyIsTargetId, boolean hasCriteria,
            Supplier<StatementPlan<E, R>> planner) {
        this.parent = parent;
        this.relation = relation;
        this.path = path;
        this.backReference = backReference;
        this.keyIsTargetId = keyIsTargetId;
        this.hasCriteria = hasCriteria;
        this.planner = planner;
    }

    /** The entity whose relationship it loads. */
    public E parent() {
        return parent;
    }

    public R relation() {
        return relation;
    }

    /** The relations followed from the plan's root to this one, such as {@code books.reviews}. */
    public String path() {
        return path;
    }

    /** The child's field that holds its parent, filled with no statement; or null. */
    public R backReference() {
        return backReference;
    }

    /**
     * Whether every parent holding the same key gets the same answer, so that a graph runs the statement once per
     * distinct key: the key is the target's own (see {@link Planner#keyIsTargetId}).
     */
    public boolean sameKeySameAnswer() {
        return keyIsTargetId;
    }

    /**
     * Whether a target the graph holds already under the parent's key is the answer, with no statement: the key is
     * the target's own, nothing filters it, and the statement reads the target and nothing below it, so run, it would
     * read that same object and change nothing of it.
     */
    public boolean answeredFromGraph() {
        if (!keyIsTargetId || hasCriteria) {
            return false;
        }
        StatementPlan<E, R> planned = statement();
        return planned.steps().isEmpty() && planned.recursion() == null && planned.reader().readsOnlyItsEntity();
    }

    /** The statement, bound to the parent's key, and its steps. */
    public StatementPlan<E, R> statement() {
        StatementPlan<E, R> planned = statement;
        if (planned == null) {
            synchronized (this) {
                planned = statement;
                if (planned == null) {
                    planned = planner.get();
                    statement = planned;
                    planner = null;
                }
            }
        }
        return planned;
    }
}
