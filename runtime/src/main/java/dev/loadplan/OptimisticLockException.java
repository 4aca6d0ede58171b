package dev.loadplan;

/**
 * An update of an entity with a {@code @Version} found its row changed or deleted since the entity was read. Nothing
 * was written: read the entity again and reapply the change.
 */
public class OptimisticLockException extends LoadPlanException {

    private static final long serialVersionUID = 1L;

    public OptimisticLockException(String message) {
        super(message);
    }
}
