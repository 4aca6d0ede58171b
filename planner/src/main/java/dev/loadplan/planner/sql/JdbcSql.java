package dev.loadplan.planner.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement of loadplan's own, holding no SQL a caller wrote, as JDBC runs it: its named parameters
 * ({@code :lp_limit}, {@code :lp_offset}, {@code :lp_id}) replaced by {@code ?}, with their names in order. A
 * statement that only has {@code ?} parameters (the keys of a step) is its own JDBC form, with no names.
 *
 * <p>Only loadplan's own parameters are replaced: the text is loadplan's, with no string constant or comment in
 * which a colon could mean anything else.
 *
 * @param parameters the name of each {@code ?} that was a named parameter, in order
 */
public record JdbcSql(String sql, List<String> parameters) {

    private static final String OWN_PARAMETER = ":lp_";

    public JdbcSql {
        parameters = List.copyOf(parameters);
    }

    /** The name {@link #parameters} gives a {@code ?} that was one already: the keys a step binds. */
    public static final String KEYS = "?";

    /**
     * {@code sql}, which holds fragments a caller wrote ({@code where} and {@code orderBy} of a link), in its JDBC
     * form: read as PostgreSQL's lexer does, every {@code :name} outside literals and comments becomes {@code ?}, and
     * every {@code ?} already there (a step's keys) is listed as {@link #KEYS}.
     */
    public static JdbcSql ofCallerSql(String sql) {
        List<String> names = new ArrayList<>();
        StringBuilder jdbc = new StringBuilder(sql.length());
        int at = 0;
        for (SqlFragment.Parameter parameter : SqlFragment.parameters(sql)) {
            jdbc.append(sql, at, parameter.start()).append('?');
            names.add(parameter.name() == null ? KEYS : parameter.name());
            at = parameter.end();
        }
        return new JdbcSql(jdbc.append(sql, at, sql.length()).toString(), names);
    }

    /** {@code sql}, written by loadplan, in its JDBC form. */
    public static JdbcSql of(String sql) {
        List<String> names = new ArrayList<>();
        StringBuilder jdbc = new StringBuilder(sql.length());
        int at = 0;
        while (true) {
            int parameter = sql.indexOf(OWN_PARAMETER, at);
            if (parameter < 0) {
                jdbc.append(sql, at, sql.length());
                break;
            }
            int end = parameter + 1;
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                end++;
            }
            jdbc.append(sql, at, parameter).append('?');
            names.add(sql.substring(parameter + 1, end));
            at = end;
        }
        return new JdbcSql(jdbc.toString(), names);
    }
}
