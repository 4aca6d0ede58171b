package dev.loadplan;

/**
 * One load, as a {@link PlanListener} hears it: what it is, and what it has run so far.
 */
public interface PlanEvent {

    /** What kind of load it is. */
    enum Kind {
        /** A plan's {@code list} or {@code findById}: the graph is complete when it ends. */
        LOAD,
        /** A plan's {@code stream}: it ends when the stream closes. */
        STREAM,
        /** A lazy relationship's first read, which runs after the plan that created it. */
        LAZY
    }

    /** {@return the entity loaded: the plan's root, or the lazy relationship's target} */
    String entity();

    /**
     * {@return the plan, as its warnings name it: {@code Author's plan (Author.books SELECT_IN)}, or for a lazy read
     * {@code the lazy read of Author.books}}
     */
    String plan();

    /** {@return the kind of load} */
    Kind kind();

    /** {@return the statements run so far} */
    long statements();

    /** {@return the rows those statements returned} */
    long rows();

    /** {@return the distinct entities read so far: the objects of the load's identity map} */
    long objects();
}
