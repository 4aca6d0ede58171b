package dev.loadplan.internal;

import dev.loadplan.RelationshipNotLoadedException;
import java.util.AbstractList;

/**
 * The value of a collection a plan did not load ({@code RAISE}): any read throws, naming the relationship and
 * the loader methods that load it, so a missing link in a plan shows at the first read, not as an empty list.
 *
 * <p>It still compares and hashes, so that an entity holding it, a record above all, can be a set element, a map
 * key or compared in a test: it equals another unloaded list of the same relationship, and nothing else, loaded
 * lists included, since what it stands for is unknown; its hash comes from the relationship's name. Neither reads
 * anything or raises. Reading it ({@code size()}, {@code get}, {@code iterator()}) raises as before, so a
 * {@code List} from elsewhere, whose {@code equals} iterates the other list, raises when it compares itself with
 * this one; the lists loadplan builds for records ({@link RecordList}, {@link LazyList}) check for it first.
 */
final class NotLoadedList<E> extends AbstractList<E> {

    private final String relationship;
    private final String howToLoad;

    NotLoadedList(String relationship, String howToLoad) {
        this.relationship = relationship;
        this.howToLoad = howToLoad;
    }

    @Override
    public E get(int index) {
        throw new RelationshipNotLoadedException(relationship, howToLoad);
    }

    @Override
    public int size() {
        throw new RelationshipNotLoadedException(relationship, howToLoad);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NotLoadedList<?> unloaded && relationship.equals(unloaded.relationship);
    }

    @Override
    public int hashCode() {
        return relationship.hashCode();
    }

    @Override
    public String toString() {
        return "[" + relationship + " not loaded]";
    }
}
