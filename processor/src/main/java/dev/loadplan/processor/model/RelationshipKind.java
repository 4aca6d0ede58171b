package dev.loadplan.processor.model;

/** The shapes a relationship can take, as users name them. */
public enum RelationshipKind {
    MANY_TO_ONE("many-to-one"),
    ONE_TO_MANY("one-to-many"),
    ONE_TO_ONE_OWNER("one-to-one, owning the foreign key"),
    ONE_TO_ONE_INVERSE("one-to-one, inverse side"),
    MANY_TO_MANY("many-to-many");

    private final String description;

    RelationshipKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
