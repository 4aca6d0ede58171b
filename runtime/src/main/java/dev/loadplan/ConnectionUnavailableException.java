package dev.loadplan;

/**
 * No connection could be had for a load, or its connection failed outside any one statement: opening a handle,
 * asking the connection about its transaction or its server, or beginning or committing the load's own transaction.
 * The message names what was loading; the cause is the driver's or the pool's own error.
 */
public class ConnectionUnavailableException extends LoadPlanException {

    private static final long serialVersionUID = 1L;

    /** The SQLState of the failure, or null; part of the serialized form. */
    private final String sqlState;

    /**
     * An exception with {@code message}, caused by {@code cause}.
     *
     * @param message what was loading, and what it could not do
     * @param cause what failed underneath: the driver's, the pool's or JDBI's exception
     */
    public ConnectionUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlStateOf(cause);
    }

    /**
     * {@return the SQLState of the failure (for example {@code 08001}, the server could not be reached), or null when
     * no {@code SQLException} among the causes has one}
     */
    public String sqlState() {
        return sqlState;
    }
}
