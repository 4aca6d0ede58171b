package dev.loadplan.planner.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes {@link Sql} values as text, the one place a clause, a join or a conjunction is written. A statement has one
 * clause per line, its SELECT list continued on indented lines when long, so the generated constants read well in an
 * editor; a statement inside another (a derived table, a subquery) is written on one line.
 */
final class SqlPrinter {

    /** Where a long SELECT list breaks. */
    private static final int LINE_WIDTH = 90;
    private static final String SELECT = "SELECT ";
    private static final String JSON_ARRAY = "(SELECT coalesce(json_agg(json_build_array(";

    private SqlPrinter() {
    }

    static String statement(Sql.Select select) {
        return select(select, "\n", selectList(select.items()));
    }

    /** {@code select} on one line, as a derived table or a subquery holds it. */
    static String inline(Sql.Select select) {
        return select(select, " ", String.join(", ", select.items()));
    }

    static String statement(Sql.Recursive recursive) {
        return String.join("\n",
                "WITH RECURSIVE " + recursive.name() + " AS (",
                "(" + inline(recursive.anchor()) + ")",
                "UNION ALL",
                inline(recursive.step()),
                ") CYCLE " + recursive.cycleKey() + " SET " + Sql.Recursive.CYCLE_MARK + " USING lp_path",
                statement(recursive.body()));
    }

    /** An INSERT's lists stay on one line, whether it inserts parameters or the rows of a SELECT. */
    static String statement(Sql.Insert insert) {
        List<String> columns = insert.columns();
        String rows;
        if (insert.rows() != null) {
            rows = select(insert.rows(), "\n", String.join(", ", insert.rows().items()));
        } else if (columns.isEmpty()) {
            rows = "DEFAULT VALUES";
        } else {
            rows = "VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }
        return "INSERT INTO " + insert.table() + (columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")")
                + "\n" + rows + (insert.returning() == null ? "" : "\nRETURNING " + insert.returning());
    }

    static String statement(Sql.Update update) {
        return "UPDATE " + update.table() + "\nSET " + String.join(", ", update.assignments()) + where(update.where());
    }

    static String statement(Sql.Delete delete) {
        return "DELETE FROM " + delete.table() + where(delete.where());
    }

    /**
     * One column holding the rows {@code rows} selects as one JSON array, each row an array of its items, in the
     * order of {@code rows}; {@code []} for none. A correlated subquery, indented below the column it is.
     */
    static String jsonArray(Sql.Select rows) {
        StringBuilder from = new StringBuilder(source(rows.from()));
        for (Sql.Join join : rows.joins()) {
            from.append(' ').append(join(join));
        }
        return JSON_ARRAY + wrapped(rows.items(), "        ", JSON_ARRAY.length()) + ")\n        ORDER BY "
                + String.join(", ", rows.orderBy()) + "), '[]')\n    FROM " + from + "\n    WHERE "
                + conjunction(rows.where()) + ")";
    }

    /** What follows {@code SELECT } in a statement: {@code items}, wrapped when long. */
    static String selectList(List<String> items) {
        return wrapped(items, "    ", SELECT.length());
    }

    /** {@code lp_rank}: each row's rank in {@code orderBy}, among the rows of its {@code partitionBy} or all. */
    static String rank(String partitionBy, List<String> orderBy) {
        return "row_number() OVER (" + (partitionBy == null ? "" : "PARTITION BY " + partitionBy + " ") + "ORDER BY "
                + String.join(", ", orderBy) + ") AS lp_rank";
    }

    private static String select(Sql.Select select, String separator, String items) {
        List<String> clauses = new ArrayList<>();
        clauses.add(SELECT + items);
        clauses.add("FROM " + source(select.from()));
        for (Sql.Join join : select.joins()) {
            clauses.add(join(join));
        }
        if (!select.where().isEmpty()) {
            clauses.add("WHERE " + conjunction(select.where()));
        }
        if (!select.orderBy().isEmpty()) {
            clauses.add("ORDER BY " + String.join(", ", select.orderBy()));
        }
        if (select.paged()) {
            clauses.add("LIMIT :" + RootShaping.LIMIT_PARAMETER + " OFFSET :" + RootShaping.OFFSET_PARAMETER);
        }
        return String.join(separator, clauses);
    }

    private static String source(Sql.Source source) {
        String read = source.rows() == null ? source.table() : "(" + inline(source.rows()) + ")";
        return source.alias() == null ? read : read + " AS " + source.alias();
    }

    private static String join(Sql.Join join) {
        return (join.outer() ? "LEFT OUTER JOIN " : "JOIN ") + source(join.source()) + " ON "
                + conjunction(join.on());
    }

    private static String conjunction(Sql.Conjunction conjunction) {
        String terms = String.join(" AND ", conjunction.terms());
        if (conjunction.fragment() == null) {
            return terms;
        }
        String fragment = "(" + conjunction.fragment() + ")";
        return terms.isEmpty() ? fragment : terms + " AND " + fragment;
    }

    private static String where(Sql.Conjunction where) {
        return where.isEmpty() ? "" : "\nWHERE " + conjunction(where);
    }

    /**
     * {@code items} separated by commas, a line continued on a new one starting with {@code indent} when it would run
     * past {@code LINE_WIDTH}; {@code used} characters of the first line are written already. An item of several lines
     * (a nested column) starts a line of its own, its lines indented as well.
     */
    private static String wrapped(List<String> items, String indent, int used) {
        StringBuilder out = new StringBuilder();
        int lineLength = used;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            int lastBreak = item.lastIndexOf('\n');
            if (i > 0) {
                out.append(',');
                lineLength++;
                if (lastBreak >= 0 || lineLength + 1 + item.length() > LINE_WIDTH) {
                    out.append('\n').append(indent);
                    lineLength = indent.length();
                } else {
                    out.append(' ');
                    lineLength++;
                }
            }
            if (lastBreak >= 0) {
                out.append(item.replace("\n", "\n" + indent));
                lineLength = indent.length() + item.length() - lastBreak - 1;
            } else {
                out.append(item);
                lineLength += item.length();
            }
        }
        return out.toString();
    }
}
