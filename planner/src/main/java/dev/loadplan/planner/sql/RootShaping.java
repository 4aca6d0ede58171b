package dev.loadplan.planner.sql;

/**
 * What a caller adds to the root statement: a filter and an order written against the root table's name, and
 * paging. Values are never part of it: paging binds {@code :lp_limit} and {@code :lp_offset}, and a caller's
 * filter binds its own named parameters.
 *
 * @param where a boolean SQL fragment, or null
 * @param orderBy an ORDER BY fragment, or null for primary key order; the primary key is appended to break ties
 * @param paged whether the statement limits and offsets the root rows
 */
public record RootShaping(String where, String orderBy, boolean paged) {

    public static final RootShaping NONE = new RootShaping(null, null, false);

    public static final String LIMIT_PARAMETER = "lp_limit";
    /** The key of the one root row a plan run by {@code findById} selects. */
    public static final String ID_PARAMETER = "lp_id";
    public static final String OFFSET_PARAMETER = "lp_offset";
}
