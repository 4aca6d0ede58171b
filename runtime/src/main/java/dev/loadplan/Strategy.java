package dev.loadplan;

/**
 * How a plan loads one relationship, named after SQLAlchemy's loader strategies (and {@code NESTED}, after jOOQ's
 * MULTISET). Whatever the strategy, a plan
 * returns the same graph; only the number of statements changes.
 */
public enum Strategy {
    /** LEFT OUTER JOIN (INNER with {@code innerJoin}) in the parent's statement: no extra statement. */
    JOINED,
    /**
     * In the parent's statement, as one column per parent holding its children as a JSON array (PostgreSQL's
     * {@code json_agg}), and what is nested below them inside it: a deep graph in one statement, one row per parent,
     * without joined loading's rows for every combination of children. Below it, a joined link is nested too.
     */
    NESTED,
    /** One extra statement whatever the number of parents: the parents' keys bound as one array, {@code = ANY(?)}. */
    SELECT_IN,
    /** One extra statement that repeats the parent query as a subquery of the child query. */
    SUBQUERY,
    /** One statement per parent, on first access; needs a {@code Jdbi} or an open {@code Handle} then. */
    LAZY,
    /** One statement per parent, during the load. */
    IMMEDIATE,
    /** No statement: the relationship reads as empty (a collection) or absent (a reference). */
    NO_LOAD,
    /** No statement: reading the relationship throws {@link RelationshipNotLoadedException}. */
    RAISE;

    /** {@return whether the strategy runs a statement of its own after the parents' statement, once for all parents} */
    public boolean isBatched() {
        return this == SELECT_IN || this == SUBQUERY;
    }
}
