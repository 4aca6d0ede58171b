package dev.loadplan.internal;

/**
 * The to-one field of a child that holds the parent whose relationship loaded it ({@code Book.author} when
 * {@code Author.books} is loaded): filled from what the load holds, with no statement.
 *
 * @param parentIsRecord whether the parent is a record, whose holder the child (a class) keeps until the record is
 *     built
 */
record BackReference<C, P>(Relation<C, P> relation, boolean parentIsRecord) {

    void fill(C child, P parent, LoadState state) {
        if (relation.cannotHoldYet(parent)) {
            state.attach(relation, child, parent, false);
        } else if (relation.fill(child, parent) && parentIsRecord) {
            state.holdsRecords(relation, child);
        }
    }
}
