package dev.loadplan;

import java.sql.SQLException;

/**
 * A plan could not run as asked: the message names what was wrong and with which plan. Some failures have a subtype
 * with fields to read: {@link StatementFailedException}, {@link LoadRefusedException},
 * {@link ConnectionUnavailableException}.
 */
public class LoadPlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what was wrong, and with which plan
     */
    public LoadPlanException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message}, caused by {@code cause}.
     *
     * @param message what was wrong, and with which plan
     * @param cause what failed underneath, such as the database's own error
     */
    public LoadPlanException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The SQLState of the first {@link SQLException} among {@code cause} and its causes that has one, or null.
     * Looks at most 64 causes deep, in case of a cycle.
     */
    static String sqlStateOf(Throwable cause) {
        Throwable next = cause;
        for (int depth = 0; next != null && depth < 64; depth++, next = next.getCause()) {
            if (next instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
