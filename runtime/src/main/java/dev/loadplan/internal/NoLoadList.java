package dev.loadplan.internal;

import java.util.ArrayList;

/**
 * The value of a collection a plan chose not to load ({@code NO_LOAD}): empty and usable, but a distinct type so
 * another path of the same load that does load the collection replaces it instead of taking it as loaded.
 */
final class NoLoadList<E> extends ArrayList<E> {

    private static final long serialVersionUID = 1L;

    NoLoadList() {
        super(0);
    }
}
