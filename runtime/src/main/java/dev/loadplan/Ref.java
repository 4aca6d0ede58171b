package dev.loadplan;

import dev.loadplan.internal.LoadOnce;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A reference to one related entity that knows whether it was loaded. Declare a to-one relationship as
 * {@code Ref<Author>} rather than {@code Author} when reading it unloaded must fail
 * ({@link Strategy#RAISE}) or load it ({@link Strategy#LAZY}): a plain field can only read as null.
 *
 * <pre>{@code
 * @Relationship(joinColumn = "author_id") Ref<Author> author;
 * ...
 * book.author.get();        // the author, null when the book has none; throws when the plan did not load it
 * book.author.isLoaded();   // false under RAISE, and under LAZY until first read
 * }</pre>
 *
 * <p>Immutable once loaded; a lazy reference loads at most once, and is safe to read from several threads.
 *
 * <p>References are values, as the records holding them are: a loaded reference equals another that holds an equal
 * entity (or none), whichever plan or strategy loaded it, and hashes as its entity; a lazy one compares as what it
 * loads, loading it first. A reference a plan did not load ({@link #notLoaded}) compares and hashes without reading
 * anything or raising, so a record holding one can be a set element or a map key: it equals another reference not
 * loaded for the same relationship, and nothing else, since what it stands for is unknown; its hash comes from the
 * relationship's name.
 *
 * @param <T> the related entity
 */
public abstract class Ref<T> {

    private static final Ref<Object> EMPTY = new Loaded<>(null);
    private static final Ref<Object> NO_LOAD = new Loaded<>(null);

    Ref() {
    }

    /**
     * A loaded reference to {@code value}; {@code null} makes a loaded reference to nothing.
     *
     * @param <T> the related entity
     * @param value the related entity, or null
     * @return a loaded reference
     */
    public static <T> Ref<T> of(T value) {
        return value == null ? empty() : new Loaded<>(value);
    }

    /**
     * A loaded reference to nothing: the foreign key is null, or no row has it.
     *
     * @param <T> the related entity
     * @return the shared empty reference
     */
    @SuppressWarnings("unchecked")
    public static <T> Ref<T> empty() {
        return (Ref<T>) EMPTY;
    }

    /**
     * A reference a plan chose not to load ({@link Strategy#NO_LOAD}): reads as null without a statement. It is
     * a distinct instance from {@link #empty()}, so another path of the same load that does load it wins.
     *
     * @param <T> the related entity
     * @return the shared reference that was not loaded
     */
    @SuppressWarnings("unchecked")
    public static <T> Ref<T> noLoad() {
        return (Ref<T>) NO_LOAD;
    }

    /**
     * A reference a plan did not load: reading it throws {@link RelationshipNotLoadedException}.
     *
     * @param <T> the related entity
     * @param relationship the relationship as {@code Entity.field}, for the exception
     * @param howToLoad the loader methods that would load it, for the exception's message
     * @return a reference that throws when read
     */
    public static <T> Ref<T> notLoaded(String relationship, String howToLoad) {
        return new NotLoaded<>(relationship, howToLoad);
    }

    /**
     * A reference that runs {@code loader} on first read, once. Used by generated plans for {@code LAZY}.
     *
     * @param <T> the related entity
     * @param loader loads the related entity, or returns null when there is none
     * @return a reference that loads when first read
     */
    public static <T> Ref<T> lazy(Supplier<T> loader) {
        return new Lazy<>(loader);
    }

    /**
     * The related entity; loads it first when lazy.
     *
     * @return the related entity, or null when there is none
     * @throws RelationshipNotLoadedException when the plan did not load it ({@link Strategy#RAISE})
     */
    public abstract T get();

    /**
     * The related entity, if there is one; loads it first when lazy.
     *
     * @return the related entity; empty when there is none
     * @throws RelationshipNotLoadedException when the plan did not load it ({@link Strategy#RAISE})
     */
    public final Optional<T> asOptional() {
        return Optional.ofNullable(get());
    }

    /** {@return whether reading this reference needs no statement and cannot fail} */
    public abstract boolean isLoaded();

    /**
     * Whether {@code other} is a reference to an equal entity, or like this one to none; a lazy reference loads
     * first. A reference a plan did not load equals only another of its relationship.
     *
     * @param other the object to compare with
     * @return whether both refer to equal entities, or both to none
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Ref<?> reference && !(reference instanceof NotLoaded<?>)
                && Objects.equals(get(), reference.get());
    }

    /**
     * The hash of the entity referred to; a lazy reference loads first.
     *
     * @return the entity's hash, 0 for none
     */
    @Override
    public int hashCode() {
        return Objects.hashCode(get());
    }

    /** A reference that holds its value. */
    private static final class Loaded<T> extends Ref<T> {
        private final T value;

        Loaded(T value) {
            this.value = value;
        }

        @Override
        public T get() {
            return value;
        }

        @Override
        public boolean isLoaded() {
            return true;
        }

        @Override
        public String toString() {
            return "Ref[" + value + "]";
        }
    }

    private static final class NotLoaded<T> extends Ref<T> {
        private final String relationship;
        private final String howToLoad;

        NotLoaded(String relationship, String howToLoad) {
            this.relationship = relationship;
            this.howToLoad = howToLoad;
        }

        @Override
        public T get() {
            throw new RelationshipNotLoadedException(relationship, howToLoad);
        }

        @Override
        public boolean isLoaded() {
            return false;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NotLoaded<?> unloaded && relationship.equals(unloaded.relationship);
        }

        @Override
        public int hashCode() {
            return relationship.hashCode();
        }

        @Override
        public String toString() {
            return "Ref[" + relationship + " not loaded]";
        }
    }

    private static final class Lazy<T> extends Ref<T> {
        // Loads once, with no lock held while the statement runs: readers meanwhile wait for that load.
        private final LoadOnce<T> value;

        Lazy(Supplier<T> loader) {
            this.value = new LoadOnce<>(Objects.requireNonNull(loader, "loader"));
        }

        @Override
        public T get() {
            return value.get();
        }

        @Override
        public boolean isLoaded() {
            return value.isLoaded();
        }

        @Override
        public String toString() {
            return isLoaded() ? "Ref[" + value.loaded() + "]" : "Ref[lazy, not loaded yet]";
        }
    }
}
