package dev.loadplan;

/** A plan could not run as asked: the message names what was wrong and with which plan. */
public class LoadPlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LoadPlanException(String message) {
        super(message);
    }

    public LoadPlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
