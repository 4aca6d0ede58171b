package dev.loadplan.processor.model;

/** How a relationship's field holds what it points at. */
public enum FieldForm {
    /** {@code List<Target>}: every strategy. */
    COLLECTION,
    /** {@code Ref<Target>}: every strategy; an unloaded reference throws or loads on read. */
    REF,
    /** A plain {@code Target} field: reads as null when not loaded, so it can be neither LAZY nor RAISE. */
    REFERENCE;

    /** Whether the field can stand for a relationship not loaded yet: lazily, or failing on read. */
    public boolean canDefer() {
        return this != REFERENCE;
    }
}
