package dev.loadplan.planner;

/**
 * The loadplan version this planner belongs to. Generated code states the version that wrote its constants, and
 * the runtime refuses code from another: its planner could write other SQL than the constants show.
 */
public final class Version {

    /** Kept equal to the project's version by a test. */
    public static final String CURRENT = "0.1.0-SNAPSHOT";

    private Version() {
    }
}
