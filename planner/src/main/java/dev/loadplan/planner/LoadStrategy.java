package dev.loadplan.planner;

/**
 * How a plan loads one relationship: the strategies of the runtime's public {@code Strategy}, under the same names,
 * for code that must not depend on the runtime. Each strategy says here what holds for it wherever it is used: when
 * it loads, which fields it fits, and the word naming it in generated entry points.
 */
public enum LoadStrategy {
    JOINED(When.WITH_PARENT, false, "Joined"),
    NESTED(When.WITH_PARENT, false, "Nested"),
    SELECT_IN(When.WITH_PARENT, false, "SelectIn"),
    SUBQUERY(When.WITH_PARENT, false, "Subquery"),
    LAZY(When.ON_READ, true, "Lazy"),
    IMMEDIATE(When.WITH_PARENT, false, "Immediate"),
    NO_LOAD(When.NEVER, false, "NoLoad"),
    RAISE(When.NEVER, true, "Raise");

    /** When a strategy loads the relationship. */
    private enum When {
        /** By the plan's own statements, during the load. */
        WITH_PARENT,
        /** When the field is first read, after the load. */
        ON_READ,
        /** Not at all: the field reads as empty (NO_LOAD) or throws (RAISE). */
        NEVER
    }

    private final When when;
    private final boolean needsDeferringField;
    private final String word;

    LoadStrategy(When when, boolean needsDeferringField, String word) {
        this.when = when;
        this.needsDeferringField = needsDeferringField;
        this.word = word;
    }

    /** Whether the plan's own statements load the relationship, during the load. */
    public boolean eager() {
        return when == When.WITH_PARENT;
    }

    /** Whether the relationship is loaded at all: during the load, or on first read. */
    public boolean loads() {
        return when != When.NEVER;
    }

    /**
     * Whether the field must be able to stand for a relationship not loaded yet (a {@code List} or a {@code Ref}):
     * a plain reference reads as null unless loaded, so it can neither load on read nor throw.
     */
    public boolean needsDeferringField() {
        return needsDeferringField;
    }

    /** Whether a relationship whose field can defer ({@code canDefer}) or not can be loaded this way. */
    public boolean fits(boolean canDefer) {
        return canDefer || !needsDeferringField;
    }

    /** {@return the word naming the strategy in an entry point: {@code SelectIn} in {@code withBooksSelectIn}} */
    public String word() {
        return word;
    }
}
