package dev.loadplan.planner.sql;

import java.util.List;

/**
 * Every statement loadplan runs, as values: {@link SqlComposer}, {@link SelectTree}, {@link RowSource} and
 * {@link WriteStatements} build them, and {@link SqlPrinter} alone writes them as text, so each clause is written one
 * way. The leaves (a column, a condition, an order term) are SQL text already; the model is how they fit together.
 */
final class Sql {

    private Sql() {
    }

    /**
     * A SELECT of {@code items} from {@code from} and its {@code joins}; a clause with nothing in it ({@code where},
     * {@code orderBy}) is left out. {@code paged} limits and offsets the rows by the root's two parameters.
     */
    record Select(List<String> items, Source from, List<Join> joins, Conjunction where, List<String> orderBy,
            boolean paged) {

        Select {
            items = List.copyOf(items);
            joins = List.copyOf(joins);
            orderBy = List.copyOf(orderBy);
        }
    }

    /**
     * What a FROM or a JOIN reads: {@code table} as FROM names it (or another item read as a table, such as a VALUES
     * list), or the derived table {@code rows}; under {@code alias}, unless it is null.
     */
    record Source(String table, Select rows, String alias) {

        static Source of(String table) {
            return new Source(table, null, null);
        }

        static Source of(String table, String alias) {
            return new Source(table, null, alias);
        }

        static Source derived(Select rows, String alias) {
            return new Source(null, rows, alias);
        }
    }

    /** A join of {@code source} on {@code on}; an outer join keeps the rows before it that match nothing. */
    record Join(boolean outer, Source source, Conjunction on) {
    }

    /**
     * Conditions that all hold: loadplan's {@code terms}, then the caller's {@code fragment}, or null. The fragment
     * gets parentheses of its own, so an OR in it cannot reach loadplan's terms.
     */
    record Conjunction(List<String> terms, String fragment) {

        static final Conjunction NONE = new Conjunction(List.of(), null);

        Conjunction {
            terms = List.copyOf(terms);
        }

        static Conjunction of(String... terms) {
            return new Conjunction(List.of(terms), null);
        }

        /** {@code term} alone, or nothing when it is null. */
        static Conjunction ofNullable(String term) {
            return term == null ? NONE : of(term);
        }

        boolean isEmpty() {
            return terms.isEmpty() && fragment == null;
        }
    }

    /**
     * {@code WITH RECURSIVE name}: the {@code anchor} rows, then the {@code step} rows joined to those found so far,
     * until a row's {@code cycleKey} comes round again, which {@link #CYCLE_MARK} marks; {@code body} reads them.
     */
    record Recursive(String name, Select anchor, Select step, String cycleKey, Select body) {

        /** The column that is true on a row whose walk came back to a row it had passed. */
        static final String CYCLE_MARK = "lp_cycle";
    }

    /**
     * An INSERT into {@code columns} of the rows {@code rows} selects, or when it is null, of one row of parameters (of
     * the defaults when there are no columns); {@code returning} names the column it returns, or is null.
     */
    record Insert(String table, List<String> columns, Select rows, String returning) {

        Insert {
            columns = List.copyOf(columns);
        }
    }

    /** An UPDATE of {@code table} by {@code assignments} ({@code column = ...}), of the rows {@code where} finds. */
    record Update(String table, List<String> assignments, Conjunction where) {

        Update {
            assignments = List.copyOf(assignments);
        }
    }

    /** A DELETE of the rows of {@code table} that {@code where} finds. */
    record Delete(String table, Conjunction where) {
    }
}
