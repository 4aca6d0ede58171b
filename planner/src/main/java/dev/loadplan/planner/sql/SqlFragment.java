package dev.loadplan.planner.sql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Checks a caller's SQL fragment ({@code where}, {@code orderBy}) or statement ({@code fromSql}) before it becomes
 * part of a plan's statements, reading it as PostgreSQL's lexer does: string constants ({@code '...'},
 * {@code E'...'}, {@code $tag$...$tag$}), quoted identifiers, line and block comments.
 *
 * <p>A fragment stays a fragment: it may not end inside a literal or a comment, close a parenthesis it did not open,
 * or hold a {@code ;} that would start a second statement. A fragment that ends in a {@code --} comment gets a line
 * break after it, so the comment ends where the fragment does, in every statement that repeats it, on one line or
 * many.
 *
 * <p>Its values stay its own: a positional {@code $1} would take whatever value the statement binds first (the plan's
 * own key or {@code LIMIT}), so it is refused, as is a {@code :name} or {@code ?} inside a dollar-quoted string, which
 * is text to PostgreSQL but a parameter to JDBI's parser. And it reads one way: a server with
 * {@code standard_conforming_strings = off} reads a backslash in {@code '...'} as an escape, so a fragment passes only
 * if it reads the same both ways, with its literals, its comments and its parameters where they were.
 */
public final class SqlFragment {

    private SqlFragment() {
    }

    /**
     * The fragment as statements embed it; throws {@link IllegalArgumentException} naming {@code what} (such as
     * {@code "where"}) and the problem when it cannot stay a fragment.
     */
    public static String check(String fragment, String what) {
        if (fragment == null || fragment.isBlank()) {
            throw new IllegalArgumentException(what + " needs a SQL fragment, was "
                    + (fragment == null ? "null" : "blank"));
        }
        BitSet standard = new BitSet(fragment.length());
        Scan scan = new Scan(fragment, what, standard::set);
        scan.run();
        for (int at = standard.nextSetBit(0); at >= 0; at = standard.nextSetBit(at + 1)) {
            if (fragment.charAt(at) == '?') {
                // loadplan's own statements bind their keys at a ?, so a caller's would take them.
                scan.fail("holds a ? at position " + at + ", which JDBI and the driver read as a positional "
                        + "parameter and loadplan would bind with its own keys; name the value, :name, and "
                        + "bind(\"name\", value) (for jsonb's ? operators, write jsonb_exists, jsonb_exists_any or "
                        + "jsonb_exists_all)");
            }
        }
        BitSet escaping = new BitSet(fragment.length());
        Scan otherReading = new Scan(fragment, what, escaping::set);
        otherReading.backslashEscapesEverywhere = true;
        try {
            otherReading.run();
        } catch (Refused e) {
            throw readsTwoWays(fragment, what, e.problem);
        }
        if (!standard.equals(escaping) || scan.endsInLineComment != otherReading.endsInLineComment) {
            throw readsTwoWays(fragment, what, "puts its literals and comments elsewhere");
        }
        return scan.endsInLineComment ? fragment + "\n" : fragment;
    }

    private static IllegalArgumentException readsTwoWays(String fragment, String what, String problem) {
        return new IllegalArgumentException("the " + what + " fragment " + quoteOf(fragment) + " reads differently "
                + "on a server with standard_conforming_strings = off, where a backslash in '...' escapes the next "
                + "character: read that way, it " + problem + ". Bind the value as a parameter instead, or write "
                + "E'...' where you mean backslash escapes");
    }

    /**
     * {@code fragment} with each qualifier of {@code table} in its code (not in a literal or comment), {@code orders.}
     * or, for a table of a schema, {@code sales.orders.} too, pointing at {@code alias} instead: a link's fragment
     * names its table, which a joined statement reads under an alias, where PostgreSQL refuses the table's name.
     */
    public static String requalify(String fragment, TableShape table, String alias) {
        List<String> qualifiers = table.schema() == null ? List.of(table.table() + '.')
                : List.of(table.from() + '.', table.table() + '.');
        List<int[]> found = new ArrayList<>();
        new Scan(fragment, "link", at -> {
            if (at > 0 && isQualifierChar(fragment.charAt(at - 1))) {
                return;
            }
            for (String qualifier : qualifiers) {
                if (fragment.startsWith(qualifier, at)) {
                    found.add(new int[] {at, at + qualifier.length()});
                    return;
                }
            }
        }).run();
        StringBuilder out = new StringBuilder(fragment.length() + found.size() * 8);
        int copied = 0;
        for (int[] qualifier : found) {
            if (qualifier[0] < copied) {
                continue; // inside a qualifier already replaced
            }
            out.append(fragment, copied, qualifier[0]).append(alias).append('.');
            copied = qualifier[1];
        }
        return out.append(fragment, copied, fragment.length()).toString();
    }

    /** A parameter of a statement: a {@code :name}, or a {@code ?} when {@code name} is null; {@code end} exclusive. */
    record Parameter(int start, int end, String name) {
    }

    /**
     * Every parameter of {@code sql} in order: {@code :name} and {@code ?} in its code, not in a literal, a comment,
     * a quoted identifier or a {@code ::} cast.
     */
    static List<Parameter> parameters(String sql) {
        List<Parameter> parameters = new ArrayList<>();
        new Scan(sql, "statement", at -> {
            char c = sql.charAt(at);
            if (c == '?') {
                parameters.add(new Parameter(at, at + 1, null));
            } else if (c == ':' && at + 1 < sql.length() && isNameStart(sql.charAt(at + 1))
                    && (at == 0 || sql.charAt(at - 1) != ':')) {
                int end = at + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                parameters.add(new Parameter(at, end, sql.substring(at + 1, end)));
            }
        }).run();
        return parameters;
    }

    /** The fragment as a message shows it: quoted, on one line, its first 200 characters. */
    private static String quoteOf(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    /** What can come right before a table name without making it part of a longer name or qualifier. */
    private static boolean isQualifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '"';
    }

    /** A fragment refused: the message names it; {@code problem} is what is wrong, for a message of another form. */
    private static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String problem;

        Refused(String message, String problem) {
            super(message);
            this.problem = problem;
        }
    }

    /** One pass over the text; fails at the first problem, with its position. */
    private static final class Scan {
        private final String text;
        private final String what;
        /** Told of each position in code, outside literals and comments, where a token may start; or null. */
        private final IntConsumer code;
        private int at;
        private int depth;
        private boolean endsInLineComment;
        /** Reads {@code '...'} as a server with {@code standard_conforming_strings = off} does: backslash escapes. */
        private boolean backslashEscapesEverywhere;

        Scan(String text, String what, IntConsumer code) {
            this.text = text;
            this.what = what;
            this.code = code;
        }

        void run() {
            while (at < text.length()) {
                char c = text.charAt(at);
                char next = at + 1 < text.length() ? text.charAt(at + 1) : 0;
                endsInLineComment = false;
                if (code != null && !(c == '-' && next == '-') && !(c == '/' && next == '*') && c != '\''
                        && !(c == '$' && startsDollarQuote())) {
                    code.accept(at);
                }
                if (c == '-' && next == '-') {
                    lineComment();
                } else if (c == '/' && next == '*') {
                    blockComment();
                } else if (c == '\'') {
                    quoted('\'', backslashEscapesEverywhere || isEscapePrefix(at - 1), "string constant");
                } else if (c == '"') {
                    quoted('"', false, "quoted identifier");
                } else if (c == '$' && startsDollarQuote()) {
                    dollarQuoted();
                } else if (c == '$' && Character.isDigit(next) && (at == 0 || !isWordChar(text.charAt(at - 1)))) {
                    fail("holds the positional parameter " + positional() + " at position " + at + ", which would "
                            + "take whatever the statement binds at that place (a key, a LIMIT); name it, :name, "
                            + "and bind(\"name\", value)");
                } else if (c == ';') {
                    fail("holds a ';' at position " + at + ", which would end the statement loadplan writes around "
                            + "it; pass one condition (or one statement for fromSql), without ';'");
                } else if (c == '(') {
                    depth++;
                    at++;
                } else if (c == ')') {
                    if (--depth < 0) {
                        fail("closes a parenthesis at position " + at + " that it did not open; loadplan writes "
                                + "the fragment inside its own parentheses, so it must balance its own");
                    }
                    at++;
                } else {
                    at++;
                }
            }
            if (depth > 0) {
                fail("leaves " + depth + " parenthesis" + (depth == 1 ? "" : "es") + " open; close what it opens");
            }
        }

        private void lineComment() {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                endsInLineComment = true;
                at = text.length();
            } else {
                at = end + 1;
            }
        }

        private void blockComment() {
            int start = at;
            int nesting = 0;
            while (at < text.length()) {
                if (text.startsWith("/*", at)) {
                    nesting++;
                    at += 2;
                } else if (text.startsWith("*/", at)) {
                    nesting--;
                    at += 2;
                    if (nesting == 0) {
                        return;
                    }
                } else {
                    at++;
                }
            }
            fail("opens a /* comment at position " + start + " that it does not close, which would swallow the rest "
                    + "of the statement");
        }

        /** {@code E'...'} (or {@code e'...'}) takes backslash escapes, unless the E ends a longer word. */
        private boolean isEscapePrefix(int index) {
            return index >= 0 && (text.charAt(index) == 'E' || text.charAt(index) == 'e')
                    && (index == 0 || !isWordChar(text.charAt(index - 1)));
        }

        private void quoted(char quote, boolean backslashEscapes, String kind) {
            int start = at;
            at++;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (backslashEscapes && c == '\\') {
                    at += 2;
                } else if (c == quote) {
                    if (at + 1 < text.length() && text.charAt(at + 1) == quote) {
                        at += 2;
                    } else {
                        at++;
                        return;
                    }
                } else {
                    at++;
                }
            }
            fail("opens a " + kind + " at position " + start + " that it does not close");
        }

        /** {@code $tag$} or {@code $$}, but not {@code $1} (a parameter) nor a {@code $} inside a word. */
        private boolean startsDollarQuote() {
            if (at > 0 && isWordChar(text.charAt(at - 1))) {
                return false;
            }
            return dollarTagEnd() > 0;
        }

        private int dollarTagEnd() {
            int i = at + 1;
            if (i < text.length() && Character.isDigit(text.charAt(i))) {
                return -1;
            }
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            return i < text.length() && text.charAt(i) == '$' ? i + 1 : -1;
        }

        private void dollarQuoted() {
            int start = at;
            int tagEnd = dollarTagEnd();
            String tag = text.substring(at, tagEnd);
            int close = text.indexOf(tag, tagEnd);
            if (close < 0) {
                fail("opens a dollar-quoted string " + tag + " at position " + start + " that it does not close");
            }
            for (int i = tagEnd; i < close; i++) {
                char c = text.charAt(i);
                boolean named = c == ':' && i + 1 < close && isNameStart(text.charAt(i + 1))
                        && text.charAt(i - 1) != ':';
                if (named || c == '?') {
                    fail("holds " + (named ? "a :name" : "a ?") + " at position " + i + " inside the dollar-quoted "
                            + "string " + tag + ", where PostgreSQL reads it as text but JDBI's parser as a parameter; "
                            + "bind the value as a parameter outside the quotes, or write the text in '...'");
                }
            }
            at = close + tag.length();
        }

        /** The {@code $1} at {@link #at}. */
        private String positional() {
            int end = at + 1;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            return text.substring(at, end);
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }

        private void fail(String problem) {
            throw new Refused("the " + what + " fragment " + quoteOf(text) + " " + problem, problem);
        }
    }
}
