package dev.loadplan.internal;

import dev.loadplan.RelationshipNotLoadedException;
import java.util.AbstractList;

/**
 * The value of a collection a plan did not load ({@code RAISE}): any read throws, naming the relationship and
 * the loader methods that load it, so a missing link in a plan shows at the first read, not as an empty list.
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
    public String toString() {
        return "[" + relationship + " not loaded]";
    }
}
