package dev.loadplan.processor.plan;

/**
 * A fixed statement that generated code exposes as a {@code public static final String}.
 *
 * @param name the constant's name
 * @param sql the statement, one clause per line
 * @param javadoc when the statement runs and what it binds
 */
public record StatementConstant(String name, String sql, String javadoc) {
}
