package dev.loadplan.internal;

import dev.loadplan.Strategy;
import dev.loadplan.internal.sql.RelationShape;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One declared relationship: how its tables join, and how generated code fills it on a parent. The runtime
 * decides what to load and when; the generated subclass only reads keys and sets fields, with no reflection.
 *
 * @param <P> the entity that declares the relationship
 * @param <C> the entity it points at
 */
public abstract class Relation<P, C> {

    private final String qualifiedName;
    private final RelationShape shape;
    private final Strategy declaredStrategy;
    private final String keyArrayType;
    private final String loaderMethods;

    /**
     * @param qualifiedName {@code Entity.field}, for messages
     * @param keyArrayType the SQL element type of the array that {@code SELECT_IN} binds the parents' keys as
     * @param loaderMethods the loader methods that load this relationship, for the message of an unloaded one
     */
    protected Relation(String qualifiedName, RelationShape shape, Strategy declaredStrategy, String keyArrayType,
            String loaderMethods) {
        this.qualifiedName = qualifiedName;
        this.shape = shape;
        this.declaredStrategy = declaredStrategy;
        this.keyArrayType = keyArrayType;
        this.loaderMethods = loaderMethods;
    }

    public final String qualifiedName() {
        return qualifiedName;
    }

    public final RelationShape shape() {
        return shape;
    }

    /** The strategy a plan uses when it does not name this relationship. */
    public final Strategy declaredStrategy() {
        return declaredStrategy;
    }

    public final String keyArrayType() {
        return keyArrayType;
    }

    public final String loaderMethods() {
        return loaderMethods;
    }

    /** The mapping of the entity this relationship points at. */
    public abstract EntityMapping<C> target();

    /**
     * Reads a key that matches a parent to its children, from either side: the parent's key column or the
     * child's. Both sides read the same Java type, so equal keys are {@code equals}. Null when SQL NULL.
     */
    public abstract Object readKey(ResultSet row, int index) throws SQLException;

    /** Marks the relationship loaded on {@code parent} with nothing in it yet: an empty collection, or null. */
    public abstract void clear(P parent);

    /**
     * Adds {@code child} to the parent's collection, or sets it as the parent's reference. A child that is
     * already the collection's last element is not added again: joined rows repeat it once per grandchild.
     */
    public abstract void attach(P parent, C child);

    @Override
    public String toString() {
        return qualifiedName;
    }
}
