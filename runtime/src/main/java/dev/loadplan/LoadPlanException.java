package dev.loadplan;

/** A plan could not run as asked: the message names what was wrong and with which plan. */
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
}
