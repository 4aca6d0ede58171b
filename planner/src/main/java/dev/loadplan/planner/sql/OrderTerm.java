package dev.loadplan.planner.sql;

/** One column of an ORDER BY, on the table the term is applied to. */
public record OrderTerm(String column, boolean descending) {

    String render(String alias) {
        return alias + '.' + column + (descending ? " DESC" : "");
    }
}
