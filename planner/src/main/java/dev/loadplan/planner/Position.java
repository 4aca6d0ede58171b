package dev.loadplan.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a node sits: its ancestors, for the stop at entities already on the path; the relations followed to it,
 * which name its statements; how a subquery link below it finds its parents; the wildcard in force there; and
 * whether it is read from a nested column ({@code nested}), where nothing can be joined.
 */
record Position<E extends MappedEntity<E, R>, R extends MappedRelation<E, R>>(List<E> ancestors, String path,
        KeySource keys, LoadStrategy wildcard, boolean callerStatement, boolean nested) {

    Position<E, R> below(E entity, R relation, KeySource childKeys, LoadStrategy childWildcard) {
        List<E> next = new ArrayList<>(ancestors);
        next.add(entity);
        String name = relation.shape().name();
        return new Position<>(next, path.isEmpty() ? name : path + "." + name, childKeys, childWildcard,
                callerStatement, nested);
    }

    /** The position of the first node of a statement loadplan writes itself. */
    Position<E, R> inOwnStatement() {
        return new Position<>(ancestors, path, keys, wildcard, false, false);
    }

    /** The position of a node read from a nested column. */
    Position<E, R> inNestedColumn() {
        return new Position<>(ancestors, path, keys, wildcard, false, true);
    }
}
