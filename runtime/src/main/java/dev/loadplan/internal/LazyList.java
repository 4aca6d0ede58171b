package dev.loadplan.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The value of a collection loaded {@code LAZY}: the first read runs the loader once, and every read after it
 * goes to the loaded list. Changes go to the loaded list too, so it behaves as the list it stands for. Readers on
 * several threads share one load, and none holds a lock while it runs ({@link LoadOnce}).
 */
final class LazyList<E> extends AbstractList<E> {

    private final LoadOnce<List<E>> list;

    LazyList(Supplier<List<E>> loader) {
        this.list = new LoadOnce<>(loader);
    }

    private List<E> loaded() {
        return list.get();
    }

    boolean isLoaded() {
        return list.isLoaded();
    }

    @Override
    public E get(int index) {
        return loaded().get(index);
    }

    @Override
    public int size() {
        return loaded().size();
    }

    @Override
    public E set(int index, E element) {
        return loaded().set(index, element);
    }

    @Override
    public void add(int index, E element) {
        loaded().add(index, element);
    }

    @Override
    public E remove(int index) {
        return loaded().remove(index);
    }

    /** Equal to what it loads would be; never to a list that was not loaded, which it tells without loading. */
    @Override
    public boolean equals(Object other) {
        return !(other instanceof NotLoadedList) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public String toString() {
        return isLoaded() ? list.loaded().toString() : "[lazy, not loaded yet]";
    }
}
