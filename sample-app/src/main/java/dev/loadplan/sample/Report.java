package dev.loadplan.sample;

import dev.loadplan.sample.StrategyComparison.Row;
import dev.loadplan.sample.UnloadedReads.Outcome;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints the app's results as aligned plain text to a stream (standard output): the comparison table, what
 * reading an unloaded relationship does, and a plan's SQL.
 */
final class Report {

    private static final String[] HEADERS =
            {"plan", "at load", "after reading", "roots", "children", "same graph as JOINED"};
    /** Spans the two statement columns, so each of them can keep a short header. */
    private static final String STATEMENTS_HEADER = "statements run";
    /** Long messages are wrapped to stay readable in an 80 to 120 column terminal. */
    private static final int WIDTH = 110;

    private final PrintStream out;
    /** The plan column's width; widened by every section so that later sections line up with the table. */
    private int planWidth = HEADERS[0].length();

    Report(PrintStream out) {
        this.out = out;
    }

    /** One table; a blank line separates each group of rows (here: authors, then books). */
    void table(List<List<Row>> groups) {
        groups.forEach(group -> group.forEach(row -> planWidth = Math.max(planWidth, row.plan().length())));
        // The plan left-aligned, numbers right-aligned under their headers, the verdict left-aligned.
        StringBuilder format = new StringBuilder("%-" + planWidth + "s");
        for (int i = 1; i < HEADERS.length - 1; i++) {
            format.append("  %").append(HEADERS[i].length()).append('s');
        }
        format.append("  %s%n");
        String rowFormat = format.toString();

        out.println(" ".repeat(planWidth + 2) + STATEMENTS_HEADER);
        out.printf(rowFormat, (Object[]) HEADERS);
        Object[] rules = new Object[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            rules[i] = "-".repeat(i == 0 ? planWidth : HEADERS[i].length());
        }
        out.printf(rowFormat, rules);
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                out.println();
            }
            for (Row row : groups.get(i)) {
                out.printf(rowFormat, row.plan(), row.atLoad(), row.afterReading(), row.roots(), row.children(),
                        verdict(row));
            }
        }
    }

    /**
     * One plan that left the books unloaded: what its load ran and what reading the books gave, then the
     * exception's message, if one was thrown, under it.
     */
    void unloaded(Outcome outcome, String strategy) {
        planWidth = Math.max(planWidth, outcome.plan().length());
        String statements = outcome.statements() + (outcome.statements() == 1 ? " statement" : " statements");
        StringBuilder what = new StringBuilder(statements);
        int readFine = outcome.authors() - outcome.threw();
        if (readFine > 0 || outcome.authors() == 0) {
            what.append("; books read as ").append(String.join(" or ", outcome.readAs()))
                    .append(" for ").append(ofAuthors(readFine, outcome.authors()));
        }
        if (outcome.threw() > 0) {
            what.append("; reading books throws for ").append(ofAuthors(outcome.threw(), outcome.authors()));
        }
        what.append(" (").append(strategy).append(')').append(outcome.exception() == null ? "" : ":");
        out.printf("%-" + planWidth + "s  %s%n", outcome.plan(), what);
        if (outcome.exception() != null) {
            String thrown = outcome.exception().getClass().getSimpleName() + ": " + outcome.exception().getMessage();
            wrapped(thrown, planWidth + 2);
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

    /** "all 5 authors", or "2 of 5 authors" when only some. */
    private static String ofAuthors(int some, int all) {
        return (some == all ? "all " + all : some + " of " + all) + (all == 1 ? " author" : " authors");
    }

    /** Prints text at the given indentation, breaking between words before {@link #WIDTH}. */
    private void wrapped(String text, int indent) {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && indent + line.length() + 1 + word.length() > WIDTH) {
                out.println(" ".repeat(indent) + line);
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        out.println(" ".repeat(indent) + line);
    }
}
