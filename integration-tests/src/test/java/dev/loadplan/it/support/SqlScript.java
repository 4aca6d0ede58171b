package dev.loadplan.it.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL holding several statements where PostgreSQL's driver does: at each semicolon outside quotes, quoted
 * identifiers, dollar quotes and comments. A plan's statements that travel in one round trip reach the driver as one
 * such SQL; {@link StatementCounter} counts each statement in it.
 */
final class SqlScript {

    private SqlScript() {
    }

    /** The statements of {@code sql}, each trimmed, empty ones left out. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = sql.indexOf(c, i + 1);
                i = i < 0 ? sql.length() : i + 1;
            } else if (c == '-' && sql.startsWith("--", i)) {
                i = sql.indexOf('\n', i);
                i = i < 0 ? sql.length() : i + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = sql.indexOf("*/", i + 2);
                i = i < 0 ? sql.length() : i + 2;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                i = sql.indexOf(tag, i + tag.length());
                i = i < 0 ? sql.length() : i + tag.length();
            } else if (c == ';') {
                add(statements, sql.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        add(statements, sql.substring(start));
        return statements;
    }

    /** The dollar quote ({@code $$} or {@code $tag$}) opening at {@code at}, or null when none does. */
    private static String dollarTag(String sql, int at) {
        int end = at + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == '$' && (end == at + 1 || !Character.isDigit(sql.charAt(at + 1)))) {
            return sql.substring(at, end + 1);
        }
        return null;
    }

    private static void add(List<String> statements, String statement) {
        String trimmed = statement.trim();
        if (!trimmed.isEmpty()) {
            statements.add(trimmed);
        }
    }
}
