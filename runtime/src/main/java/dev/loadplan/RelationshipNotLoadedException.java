package dev.loadplan;

/**
 * Thrown on reading a relationship that the plan did not load (strategy {@link Strategy#RAISE}). The message
 * names the relationship and the loader methods that would load it.
 */
public class RelationshipNotLoadedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The relationship as {@code Entity.field}; part of the serialized form. */
    private final String relationship;

    /**
     * An exception for reading {@code relationship}, which the plan did not load.
     *
     * @param relationship the relationship as {@code Entity.field}, for example {@code Author.books}
     * @param howToLoad the loader methods that would load it, as the message names them
     */
    public RelationshipNotLoadedException(String relationship, String howToLoad) {
        super(relationship + " was not loaded by this plan; load it with " + howToLoad);
        this.relationship = relationship;
    }

    /** {@return the relationship as {@code Entity.field}, for example {@code Author.books}} */
    public String relationship() {
        return relationship;
    }
}
