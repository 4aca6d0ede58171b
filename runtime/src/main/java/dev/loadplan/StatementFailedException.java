package dev.loadplan;

/**
 * A statement of a plan failed, or its rows could not be read: the plan's first statement, a step that loads a
 * relationship ({@code SELECT_IN}, {@code SUBQUERY}, {@code IMMEDIATE}), a lazy read, or a batch of a stream. The
 * message names the plan and the statement; the cause is the database's or the driver's own error.
 */
public class StatementFailedException extends LoadPlanException {

    private static final long serialVersionUID = 1L;

    /**
     * The relationship as {@code Entity.field}, or null for the plan's first statement; part of the serialized form.
     */
    private final String relationship;
    /** How the relationship loads, or null for the plan's first statement; part of the serialized form. */
    private final Strategy strategy;
    /** The statement's SQL, as the driver got it; part of the serialized form. */
    private final String sql;
    /** The SQLState of the failure, or null; part of the serialized form. */
    private final String sqlState;

    /**
     * An exception for the statement that ran {@code sql}, caused by {@code cause}.
     *
     * @param message what failed, and in which plan
     * @param relationship the relationship the statement loads, as {@code Entity.field}; null for the plan's first
     *     statement
     * @param strategy how {@code relationship} loads; null for the plan's first statement
     * @param sql the statement's SQL, as the driver got it
     * @param cause what failed underneath, such as the database's own error
     */
    public StatementFailedException(String message, String relationship, Strategy strategy, String sql,
            Throwable cause) {
        super(message, cause);
        this.relationship = relationship;
        this.strategy = strategy;
        this.sql = sql;
        this.sqlState = sqlStateOf(cause);
    }

    /**
     * {@return the relationship the statement loads, as {@code Entity.field} (for example {@code Author.books}), or
     * null for the plan's first statement}
     */
    public String relationship() {
        return relationship;
    }

    /** {@return how the relationship loads, or null for the plan's first statement} */
    public Strategy strategy() {
        return strategy;
    }

    /** {@return the statement's SQL, as the driver got it: with a {@code ?} for each value, and no value in it} */
    public String sql() {
        return sql;
    }

    /**
     * {@return the database's SQLState for the failure (for example {@code 42P01}, a table that does not exist), or
     * null when no {@code SQLException} among the causes has one}
     */
    public String sqlState() {
        return sqlState;
    }
}
