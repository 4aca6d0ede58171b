package dev.loadplan.planner;

import java.util.function.Supplier;

/**
 * What a {@code LAZY} relationship runs on first read: the children of one parent, and what the plan loads below
 * them. Planned on first need, once: planning it with the plan would never end where lazy links lead back to where
 * they started ({@code User.orders}, then {@code Order.user}, then ...).
 *
 * @see NodePlan.Lazy
 */
public final class LazyPlan {

    private final MappedEntity parent;
    private final MappedRelation relation;
    private final String path;
    private final MappedRelation backReference;
    private Supplier<StatementPlan> planner;
    private volatile StatementPlan statement;

    LazyPlan(MappedEntity parent, MappedRelation relation, String path, MappedRelation backReference,
            Supplier<StatementPlan> planner) {
        this.parent = parent;
        this.relation = relation;
        this.path = path;
        this.backReference = backReference;
        this.planner = planner;
    }

    /** The entity whose relationship it loads. */
    public MappedEntity parent() {
        return parent;
    }

    public MappedRelation relation() {
        return relation;
    }

    /** The relations followed from the plan's root to this one, such as {@code books.reviews}. */
    public String path() {
        return path;
    }

    /** The child's field that holds its parent, filled with no statement; or null. */
    public MappedRelation backReference() {
        return backReference;
    }

    /** The statement, bound to the parent's key, and its steps. */
    public StatementPlan statement() {
        StatementPlan planned = statement;
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
