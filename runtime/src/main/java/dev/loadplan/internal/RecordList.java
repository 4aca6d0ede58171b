package dev.loadplan.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A loaded collection as a record holds it: read-only, in the relationship's order. It is a {@code List} like
 * {@link List#copyOf}'s, but it knows the list of a relationship that was not loaded ({@link NotLoadedList}) and
 * is never equal to it, without reading it, so comparing two records never raises whichever side loaded the list.
 */
final class RecordList<E> extends AbstractList<E> implements RandomAccess {

    private static final RecordList<Object> EMPTY = new RecordList<>(new Object[0]);

    private final Object[] elements;

    private RecordList(Object[] elements) {
        this.elements = elements;
    }

    /** The list of {@code elements}, which the caller hands over: no one else holds the array. */
    static <E> RecordList<E> of(Object[] elements) {
        return elements.length == 0 ? empty() : new RecordList<>(elements);
    }

    /** The empty list: a collection loaded empty, or one the plan chose not to load ({@code NO_LOAD}). */
    @SuppressWarnings("unchecked")
    static <E> RecordList<E> empty() {
        return (RecordList<E>) EMPTY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public boolean equals(Object other) {
        return !(other instanceof NotLoadedList) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
