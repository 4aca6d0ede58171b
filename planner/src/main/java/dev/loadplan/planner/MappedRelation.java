package dev.loadplan.planner;

import dev.loadplan.planner.sql.RelationShape;

/**
 * A relationship as the planner sees it. Implementations are compared by identity: one instance per field.
 *
 * @param <E> the type of the entities planned together (see {@link MappedEntity})
 * @param <R> the type of their relations, this one's included
 */
public interface MappedRelation<E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> {

    /** {@code Entity.field}, for messages. */
    String qualifiedName();

    RelationShape shape();

    /** What a plan that does not name the relationship does with it. */
    LoadStrategy declaredStrategy();

    /**
     * Whether the field can stand for a relationship not loaded yet ({@code List} and {@code Ref} can): a plain
     * reference field reads as null unless loaded, so it is never {@code LAZY} nor {@code RAISE}.
     */
    boolean canDefer();

    /**
     * Whether every plan loads it, as a view's relationships are: no strategy that leaves it unloaded fits it, and a
     * wildcard that would is refused rather than ignored.
     */
    default boolean alwaysLoaded() {
        return false;
    }

    /** Whether a plan can load it with {@code strategy}: what the strategy leaves in the field, the field can hold. */
    default boolean fits(LoadStrategy strategy) {
        return strategy.fits(canDefer());
    }

    /** The entity the relationship points at. */
    E target();

    /** The SQL element type of the array that {@code SELECT_IN} binds the parents' keys as. */
    String keyArrayType();
}
