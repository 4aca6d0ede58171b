package dev.loadplan.planner.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement as JDBC runs it: every named parameter ({@code :lp_limit}, {@code :lp_id}, a link's {@code :t}) replaced
 * by {@code ?}, with the names in order, and each {@code ?} already there (a step's keys) listed as {@link #KEYS}. The
 * statement is read as PostgreSQL's lexer reads it, so a colon inside a caller's literal or comment, or in a
 * {@code ::} cast, stays as it is.
 *
 * @param parameters the name of each {@code ?}, in order
 */
public record JdbcSql(String sql, List<String> parameters) {

    /** The name {@link #parameters} gives a {@code ?} that was one already: the keys a step binds. */
    public static final String KEYS = "?";

    public JdbcSql {
        parameters = List.copyOf(parameters);
    }

    /** {@code sql}, loadplan's with any fragments a caller wrote, in its JDBC form. */
    public static JdbcSql of(String sql) {
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
}
