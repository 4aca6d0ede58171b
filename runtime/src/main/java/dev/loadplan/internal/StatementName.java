package dev.loadplan.internal;

import dev.loadplan.Strategy;

/**
 * What a failure calls a statement of a plan: {@code what}, as its message names it ({@code Author.books (SELECT_IN)},
 * {@code Author (the plan's first statement)}), and the relationship the statement loads with its strategy, both null
 * for a plan's first statement.
 */
record StatementName(String what, String relationship, Strategy strategy) {

    /** A plan's first statement, which loads its roots, not a relationship. */
    static StatementName root(String what) {
        return new StatementName(what, null, null);
    }
}
