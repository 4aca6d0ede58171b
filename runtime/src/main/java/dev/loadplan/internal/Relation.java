package dev.loadplan.internal;

import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.MappedRelation;
import dev.loadplan.planner.sql.RelationShape;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One declared relationship: how its tables join, and what its field holds in each state. Generated code
 * extends {@link CollectionRelation}, {@link ReferenceRelation} or {@link RefRelation} with a typed getter and
 * setter of the field; the runtime decides what to load and when, with no reflection.
 *
 * <p>Generated mappings leave every relationship field null when they create an entity. Null means "nothing
 * decided yet in this load": the first path of a plan that reaches the entity decides, and a path that loads
 * the relationship wins over one that does not.
 *
 * @param <P> the entity that declares the relationship
 * @param <C> the entity it points at
 */
public abstract class Relation<P, C> implements MappedRelation<EntityMapping<?>, Relation<?, ?>> {

    private final String qualifiedName;
    private final RelationShape shape;
    private final LoadStrategy declaredStrategy;
    private final String keyArrayType;
    private final String loaderMethods;
    private final boolean longKeys;
    /** How a view's relationship is always loaded; null for an entity's. */
    private final RelationSpec.Loaded always;

    /** A relationship as {@code spec} describes it. */
    Relation(RelationSpec spec) {
        this.qualifiedName = spec.qualifiedName();
        this.shape = spec.join().shape();
        this.declaredStrategy = Strategies.of(spec.declared());
        this.keyArrayType = spec.keyArrayType();
        this.loaderMethods = spec.loaderMethods();
        this.always = spec.always();
        this.longKeys = "bigint".equals(keyArrayType) || "integer".equals(keyArrayType)
                || "smallint".equals(keyArrayType);
    }

    /** Whether the keys that match parents to children are whole numbers, read as {@code long}s, unboxed. */
    public final boolean longKeys() {
        return longKeys;
    }

    /** Reads a key of {@link #longKeys()} at {@code index} (0-based); SQL NULL reads as 0, {@code wasNull()} tells. */
    public final long readLongKey(ResultSet row, int index) throws SQLException {
        return row.getLong(index + 1);
    }

    @Override
    public final String qualifiedName() {
        return qualifiedName;
    }

    @Override
    public final RelationShape shape() {
        return shape;
    }

    /** The strategy a plan uses when it does not name this relationship. */
    @Override
    public final LoadStrategy declaredStrategy() {
        return declaredStrategy;
    }

    @Override
    public final String keyArrayType() {
        return keyArrayType;
    }

    public final String loaderMethods() {
        return loaderMethods;
    }

    /** The mapping of the entity this relationship points at. */
    @Override
    public abstract EntityMapping<C> target();

    /**
     * Reads a key that matches a parent to its children, from either side: the parent's key column or the
     * child's. Both sides read the same Java type, so equal keys are {@code equals}. Null when SQL NULL.
     */
    public abstract Object readKey(ResultSet row, int index) throws SQLException;

    @Override
    public final boolean alwaysLoaded() {
        return always != null;
    }

    @Override
    public final boolean fits(LoadStrategy strategy) {
        return always == null ? strategy.fits(canDefer())
                : strategy.keepsLoaded(always == RelationSpec.Loaded.WITH_PARENT_OR_ON_READ);
    }

    /** Whether a strategy that cannot load lazily or raise is all this field's type allows. */
    @Override
    public boolean canDefer() {
        return true;
    }

    /**
     * Claims the relationship of {@code parent} for loading: sets it loaded and empty (an empty list, no
     * reference) and returns true, unless another path of this load has loaded it already.
     */
    abstract boolean startLoading(P parent);

    /** Adds {@code child} to what {@code parent} holds: appends it, or sets it as the reference. */
    abstract void attach(P parent, C child);

    /**
     * Whether the field cannot hold {@code child} while the load runs: a plain field of a class, typed as the
     * record, cannot hold the record's holder. The load sets it once the record is built.
     */
    boolean cannotHoldYet(Object child) {
        return false;
    }

    /** As {@link #attach}, but a child the collection holds already is not added again. */
    abstract void attachDistinct(P parent, C child);

    /** Gives an undecided relationship the value of {@code strategy}: {@code NO_LOAD} or {@code RAISE}. */
    abstract void leaveUnloaded(P parent, LoadStrategy strategy);

    /** Gives an undecided relationship a value that runs {@code loader} on first read. */
    abstract void loadLazily(P parent, Supplier<List<C>> loader);

    /**
     * Sets this to-one relationship of {@code owner} to {@code value}, loaded, as the other side of a relationship
     * that loaded {@code owner} under {@code value}: a back-reference, which costs no statement. Returns false when
     * it held {@code value} already.
     */
    abstract boolean fill(P owner, C value);

    /** Calls {@code action} with each entity (or record holder) the relationship of {@code owner} holds, loaded. */
    abstract void forEachLoaded(P owner, Consumer<Object> action);

    /**
     * Replaces each record holder the relationship of {@code owner}, a class, holds with the record built from it,
     * once the load is complete.
     */
    abstract void completeRecords(P owner, RecordHolder.RecordBuild build);

    @SuppressWarnings("unchecked")
    final void forEachLoadedOf(Object owner, Consumer<Object> action) {
        forEachLoaded((P) owner, action);
    }

    /** The child as the field holds it once the load is complete: the record built from a holder, else itself. */
    @SuppressWarnings("unchecked")
    final C completed(Object child, RecordHolder.RecordBuild build) {
        return child instanceof RecordHolder ? target().complete(child, build) : (C) child;
    }

    @Override
    public String toString() {
        return qualifiedName;
    }
}
