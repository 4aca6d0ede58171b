package dev.loadplan.internal;

import dev.loadplan.Strategy;
import java.util.Objects;

/**
 * What a relationship is, as generated code describes it to its {@link Relation}, by name rather than by position:
 *
 * <pre>{@code
 * RelationSpec.of("Book.author")
 *         .join(Join.foreignKeyInSource("author", "author_id").to("id"))
 *         .declared(Strategy.RAISE)
 *         .keysBoundAs("bigint")
 *         .loadedBy("BookLoader.withAuthorJoined(), withAuthorSelectIn()")
 * }</pre>
 *
 * Immutable: each call returns a new description.
 */
public final class RelationSpec {

    private final String qualifiedName;
    private final Join join;
    private final Strategy declared;
    private final String keyArrayType;
    private final String loaderMethods;
    /** How a view's relationship is always loaded; null for an entity's. */
    private final Loaded always;

    /** How every plan loads a view's relationship. */
    enum Loaded {
        /** With the parent. */
        WITH_PARENT,
        /** With the parent, or on first read when a plan says so: a {@code Ref} says in its type that it may wait. */
        WITH_PARENT_OR_ON_READ
    }

    private RelationSpec(String qualifiedName, Join join, Strategy declared, String keyArrayType,
            String loaderMethods, Loaded always) {
        this.qualifiedName = Objects.requireNonNull(qualifiedName, "qualifiedName");
        this.join = join;
        this.declared = declared;
        this.keyArrayType = keyArrayType;
        this.loaderMethods = loaderMethods;
        this.always = always;
    }

    /** {@return the relationship {@code Entity.field}, which messages name it by} */
    public static RelationSpec of(String qualifiedName) {
        return new RelationSpec(qualifiedName, null, Strategy.RAISE, null, "", null);
    }

    /** {@return this relationship, whose tables join as {@code join} says} */
    public RelationSpec join(Join join) {
        return new RelationSpec(qualifiedName, Objects.requireNonNull(join, "join"), declared, keyArrayType,
                loaderMethods, always);
    }

    /** {@return this relationship, which a plan that does not name it loads with {@code strategy}} */
    public RelationSpec declared(Strategy strategy) {
        return new RelationSpec(qualifiedName, join, Objects.requireNonNull(strategy, "strategy"), keyArrayType,
                loaderMethods, always);
    }

    /**
     * {@return this relationship, whose parents' keys {@code SELECT_IN} binds as an array of {@code sqlType}, the
     * SQL type of the keys that match parents to children}
     */
    public RelationSpec keysBoundAs(String sqlType) {
        return new RelationSpec(qualifiedName, join, declared, Objects.requireNonNull(sqlType, "sqlType"),
                loaderMethods, always);
    }

    /** {@return this relationship, which {@code loaderMethods} load: the message of an unloaded one names them} */
    public RelationSpec loadedBy(String loaderMethods) {
        return new RelationSpec(qualifiedName, join, declared, keyArrayType,
                Objects.requireNonNull(loaderMethods, "loaderMethods"), always);
    }

    /**
     * {@return this relationship of a view, which every plan loads with the parent: no strategy that leaves it
     * unloaded, or loads it on read, fits it}
     */
    public RelationSpec alwaysLoaded() {
        return new RelationSpec(qualifiedName, join, declared, keyArrayType, loaderMethods, Loaded.WITH_PARENT);
    }

    /**
     * {@return this relationship of a view held in a {@code Ref}, which every plan loads: with the parent, or on first
     * read when the plan says {@code LAZY}}
     */
    public RelationSpec alwaysLoadedOrOnRead() {
        return new RelationSpec(qualifiedName, join, declared, keyArrayType, loaderMethods,
                Loaded.WITH_PARENT_OR_ON_READ);
    }

    Loaded always() {
        return always;
    }

    String qualifiedName() {
        return qualifiedName;
    }

    Join join() {
        if (join == null || keyArrayType == null) {
            throw new IllegalStateException(qualifiedName + " is described without its join or its keys' type");
        }
        return join;
    }

    Strategy declared() {
        return declared;
    }

    String keyArrayType() {
        return keyArrayType;
    }

    String loaderMethods() {
        return loaderMethods;
    }
}
