package dev.loadplan;

/**
 * An update of an entity with a {@code @Version} found its row changed or deleted since the entity was read. Nothing
 * was written: read the entity again and reapply the change.
 */
public class OptimisticLockException extends LoadPlanException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message which entity, the version the update expected, and the row's current version if it still
     *     has one
     */
    public OptimisticLockException(String message) {
        super(message);
    }
}
