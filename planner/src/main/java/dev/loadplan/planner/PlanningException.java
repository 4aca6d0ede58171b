package dev.loadplan.planner;

/**
 * A plan that cannot be built as asked: a relationship a strategy cannot load where it sits, or records that would
 * have to hold one another. The message names the relationships and says what to do instead.
 */
public class PlanningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlanningException(String message) {
        super(message);
    }
}
