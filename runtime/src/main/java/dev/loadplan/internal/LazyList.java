package dev.loadplan.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The value of a collection loaded {@code LAZY}: the first read runs the loader once, and every read after it
 * goes to the loaded list. Changes go to the loaded list too, so it behaves as the list it stands for.
 */
final class LazyList<E> extends AbstractList<E> {

    private Supplier<List<E>> loader;
    private List<E> loaded;

    LazyList(Supplier<List<E>> loader) {
        this.loader = loader;
    }

    private synchronized List<E> loaded() {
        if (loader != null) {
            loaded = loader.get();
            loader = null;
        }
        return loaded;
    }

    synchronized boolean isLoaded() {
        return loader == null;
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

    @Override
    public String toString() {
        return isLoaded() ? loaded.toString() : "[lazy, not loaded yet]";
    }
}
