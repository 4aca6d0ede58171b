package dev.loadplan.sample;

import dev.loadplan.sample.StrategyComparison.Row;
import java.io.PrintStream;
import java.util.List;

/** Prints the comparison as an aligned plain-text table, and a plan's SQL, to a stream (standard output). */
final class Report {

    private static final String[] HEADERS = {"plan", "statements", "roots", "children", "same graph as JOINED"};

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    /** One table; a blank line separates each group of rows (here: authors, then books). */
    void table(List<List<Row>> groups) {
        int planWidth = HEADERS[0].length();
        for (List<Row> group : groups) {
            for (Row row : group) {
                planWidth = Math.max(planWidth, row.plan().length());
            }
        }
        // The plan left-aligned, numbers right-aligned under their headers, the verdict left-aligned.
        String format = "%-" + planWidth + "s  %" + HEADERS[1].length() + "s  %" + HEADERS[2].length()
                + "s  %" + HEADERS[3].length() + "s  %s%n";
        out.printf(format, (Object[]) HEADERS);
        out.printf(format, "-".repeat(planWidth), "-".repeat(HEADERS[1].length()), "-".repeat(HEADERS[2].length()),
                "-".repeat(HEADERS[3].length()), "-".repeat(HEADERS[4].length()));
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                out.println();
            }
            for (Row row : groups.get(i)) {
                out.printf(format, row.plan(), row.statements(), row.roots(), row.children(), verdict(row));
            }
        }
    }

    /** The statements a plan runs, numbered, as {@code plan.sql()} returns them. */
    void sql(String plan, List<String> statements) {
        out.println(plan + ".sql(): " + statements.size() + " statement(s), run in this order in one transaction");
        for (int i = 0; i < statements.size(); i++) {
            out.println("-- " + (i + 1));
            out.println(statements.get(i) + ";");
        }
    }

    void line(String text) {
        out.println(text);
    }

    private static String verdict(Row row) {
        if (row.sameAsJoined() == null) {
            return "(the reference)";
        }
        return row.sameAsJoined() ? "yes" : "NO";
    }
}
