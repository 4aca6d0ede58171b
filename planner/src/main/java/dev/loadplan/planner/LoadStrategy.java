package dev.loadplan.planner;

/**
 * How a plan loads one relationship: the strategies of the runtime's public {@code Strategy}, under the same names,
 * for code that must not depend on the runtime.
 */
public enum LoadStrategy {
    JOINED,
    NESTED,
    SELECT_IN,
    SUBQUERY,
    LAZY,
    IMMEDIATE,
    NO_LOAD,
    RAISE;

    /** Whether the plan's own statements load the relationship, during the load. */
    public boolean eager() {
        return this == JOINED || this == NESTED || this == SELECT_IN || this == SUBQUERY || this == IMMEDIATE;
    }
}
