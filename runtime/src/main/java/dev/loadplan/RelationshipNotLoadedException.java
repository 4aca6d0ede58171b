package dev.loadplan;

/**
 * Thrown on reading a relationship that the plan did not load (strategy {@link Strategy#RAISE}). The message
 * names the relationship and the loader methods that would load it.
 */
public class RelationshipNotLoadedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String relationship;

    public RelationshipNotLoadedException(String relationship, String howToLoad) {
        super(relationship + " was not loaded by this plan; load it with " + howToLoad);
        this.relationship = relationship;
    }

    /** The relationship as {@code Entity.field}, for example {@code Author.books}. */
    public String relationship() {
        return relationship;
    }
}
