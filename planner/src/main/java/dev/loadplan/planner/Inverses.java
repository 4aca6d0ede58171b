package dev.loadplan.planner;

import dev.loadplan.planner.sql.RelationShape;

/**
 * Finds the other side of a relationship: the relationship of the target entity that joins the same columns the
 * other way ({@code Book.author} for {@code Author.books}, {@code Tag.books} for {@code Book.tags}). Found from the
 * join columns, so a one-to-many by {@code joinColumn} and a many-to-one on the same foreign key are sides of one
 * relationship, as they are in the database.
 */
public final class Inverses {

    private Inverses() {
    }

    /** The relationship of {@code relation}'s target that leads back to {@code parent} the same way, or null. */
    public static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> R inverse(E parent, R relation) {
        RelationShape shape = relation.shape();
        for (R candidate : relation.target().relations()) {
            if (candidate.target() == parent && mirrors(shape, candidate.shape())) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The to-one field on each child that a loaded {@code relation} fills with the parent at no cost: the child's
     * side of a one-to-many or of a one-to-one whose foreign key the child holds. Null when there is none, or
     * when both are records: a record cannot hold the record that holds it.
     */
    public static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> R backReference(E parent, R relation) {
        if (relation.shape().kind() != RelationShape.Kind.FOREIGN_KEY_IN_TARGET
                || (parent.buildsRecords() && relation.target().buildsRecords())) {
            return null;
        }
        R inverse = inverse(parent, relation);
        return inverse != null && !inverse.shape().many() ? inverse : null;
    }

    private static boolean mirrors(RelationShape one, RelationShape other) {
        return switch (one.kind()) {
            case FOREIGN_KEY_IN_TARGET -> other.kind() == RelationShape.Kind.FOREIGN_KEY_IN_SOURCE
                    && other.sourceColumn().equals(one.targetColumn()) && other.targetColumn().equals(one.sourceColumn());
            case FOREIGN_KEY_IN_SOURCE -> other.kind() == RelationShape.Kind.FOREIGN_KEY_IN_TARGET
                    && other.targetColumn().equals(one.sourceColumn()) && other.sourceColumn().equals(one.targetColumn());
            case JOIN_TABLE -> other.kind() == RelationShape.Kind.JOIN_TABLE
                    && other.joinTableFrom().equals(one.joinTableFrom()) && other.joinColumn().equals(one.inverseJoinColumn())
                    && other.inverseJoinColumn().equals(one.joinColumn());
        };
    }
}
