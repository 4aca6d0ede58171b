package dev.loadplan.it.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits what a README snippet writes at the top level of a method body into statements, each with the comments that
 * speak of it: the comment lines right above it, any inside it, and a comment after it on its last line. A small
 * lexer, enough for snippets: it knows strings, text blocks, char literals, comments and brackets, so a {@code ;}
 * or a brace inside any of them does not end a statement.
 */
final class Statements {

    /** After a block statement's closing brace, these continue the same statement. */
    private static final Pattern CONTINUES = Pattern.compile("(?s)\\s*(catch|finally|else|while)\\b.*|\\s*[;.,)].*");

    /**
     * One statement: its text is {@code source.substring(start, end)}; {@code comments} are the comments' texts
     * without {@code //} or the stars around them.
     */
    record Statement(int start, int end, List<String> comments) {
    }

    private Statements() {
    }

    static List<Statement> split(String source) {
        List<Statement> statements = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> current = null;
        int start = -1;
        int depth = 0;
        int lastEndLine = -1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < source.length() && (source.charAt(i + 1) == '/' || source.charAt(i + 1) == '*')) {
                boolean line = source.charAt(i + 1) == '/';
                int close = line ? indexOrEnd(source, "\n", i) : indexOrEnd(source, "*/", i + 2);
                String text = source.substring(i + 2, close);
                int end = line ? close : Math.min(close + 2, source.length());
                String comment = text.replaceAll("(?m)^\\s*\\*", "").strip();
                if (current != null) {
                    current.add(comment);
                } else if (lineOf(source, i) == lastEndLine && !statements.isEmpty()) {
                    statements.get(statements.size() - 1).comments().add(comment);
                } else {
                    pending.add(comment);
                }
                i = end - 1;
                continue;
            }
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (current == null) {
                current = new ArrayList<>(pending);
                pending.clear();
                start = i;
            }
            if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i) - 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
            boolean ends = depth == 0
                    && (c == ';' || c == '}' && !CONTINUES.matcher(source.substring(i + 1)).matches());
            if (ends) {
                statements.add(new Statement(start, i + 1, current));
                lastEndLine = lineOf(source, i);
                current = null;
            }
        }
        if (current != null) {
            // Not ended: left to javac, which says what is missing better than this lexer could.
            statements.add(new Statement(start, source.length(), current));
        }
        return statements;
    }

    /** The index just past the string, text block or char literal that starts at {@code open}. */
    private static int endOfLiteral(String source, int open) {
        char quote = source.charAt(open);
        if (source.startsWith("\"\"\"", open)) {
            int i = open + 3;
            while (i < source.length() && !source.startsWith("\"\"\"", i)) {
                i += source.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i + 3, source.length());
        }
        int i = open + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, source.length());
    }

    private static int indexOrEnd(String source, String what, int from) {
        int index = source.indexOf(what, from);
        return index < 0 ? source.length() : index;
    }

    /** The line (from 0) of {@code offset}. */
    static int lineOf(String source, int offset) {
        int line = 0;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
