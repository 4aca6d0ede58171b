package dev.loadplan.planner;

/**
 * How a plan loads one relationship: the strategies of the runtime's public {@code Strategy}, under the same names,
 * for code that must not depend on the runtime. Each strategy says here what holds for it wherever it is used: when
 * it loads, how many statements of its own it runs, which fields it fits, the word naming it in generated entry
 * points, and the {@link LinkPlanning} that plans it. A new strategy is one constant here, and a new
 * {@code LinkPlanning} when no family plans it yet.
 */
public enum LoadStrategy {
    JOINED(When.WITH_PARENT, Statements.NONE_OF_ITS_OWN, false, "Joined", JoinedLinks.LINKS),
    NESTED(When.WITH_PARENT, Statements.NONE_OF_ITS_OWN, false, "Nested", NestedLinks.LINKS),
    SELECT_IN(When.WITH_PARENT, Statements.ONE_FOR_ALL_PARENTS, false, "SelectIn", SteppedLinks.LINKS),
    SUBQUERY(When.WITH_PARENT, Statements.ONE_FOR_ALL_PARENTS, false, "Subquery", SteppedLinks.LINKS),
    LAZY(When.ON_READ, Statements.ONE_PER_PARENT, true, "Lazy", LazyLinks.LINKS),
    IMMEDIATE(When.WITH_PARENT, Statements.ONE_PER_PARENT, false, "Immediate", SteppedLinks.LINKS),
    NO_LOAD(When.NEVER, Statements.NONE_OF_ITS_OWN, false, "NoLoad", UnloadedLinks.LINKS),
    RAISE(When.NEVER, Statements.NONE_OF_ITS_OWN, true, "Raise", UnloadedLinks.LINKS);

    /** When a strategy loads the relationship. */
    private enum When {
        /** By the plan's own statements, during the load. */
        WITH_PARENT,
        /** When the field is first read, after the load. */
        ON_READ,
        /** Not at all: the field reads as empty (NO_LOAD) or throws (RAISE). */
        NEVER
    }

    /** How many statements of its own a strategy runs for the parents it loads the relationship of. */
    private enum Statements {
        /** None: it reads in the parent's statement (JOINED, NESTED), or reads nothing (NO_LOAD, RAISE). */
        NONE_OF_ITS_OWN,
        /** One for every parent at once. */
        ONE_FOR_ALL_PARENTS,
        /** One per parent, bound to its key. */
        ONE_PER_PARENT
    }

    private final When when;
    private final Statements statements;
    private final boolean needsDeferringField;
    private final String word;
    private final LinkPlanning planning;

    LoadStrategy(When when, Statements statements, boolean needsDeferringField, String word, LinkPlanning planning) {
        this.when = when;
        this.statements = statements;
        this.needsDeferringField = needsDeferringField;
        this.word = word;
        this.planning = planning;
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
     * Whether its statement runs once per parent, bound to the parent's key ({@code IMMEDIATE} during the load,
     * {@code LAZY} on first read), rather than once for all of them.
     */
    public boolean runsPerParent() {
        return statements == Statements.ONE_PER_PARENT;
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

    /**
     * Whether it fits a relationship that every plan loads (a view's): it loads with the parent, or on first read when
     * the field says so in its type ({@code mayLoadOnRead}: a {@code Ref}), never leaving it unloaded.
     */
    public boolean keepsLoaded(boolean mayLoadOnRead) {
        return eager() || mayLoadOnRead && loads();
    }

    /** {@return the word naming the strategy in an entry point: {@code SelectIn} in {@code withBooksSelectIn}} */
    public String word() {
        return word;
    }

    /** Whether it reads the relationship in the parent's own statement, where the link's criteria go too. */
    boolean readsInParentStatement() {
        return when == When.WITH_PARENT && statements == Statements.NONE_OF_ITS_OWN;
    }

    /** How the planner plans a link of this strategy: where it can sit, and what it adds to its parent's node. */
    LinkPlanning planning() {
        return planning;
    }
}
