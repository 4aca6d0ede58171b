package dev.loadplan.internal;

import dev.loadplan.Strategy;
import dev.loadplan.planner.LoadStrategy;

/** The planner's name for a public {@link Strategy}, and back: the same ones, under the same names. */
final class Strategies {

    private Strategies() {
    }

    static LoadStrategy of(Strategy strategy) {
        return switch (strategy) {
            case JOINED -> LoadStrategy.JOINED;
            case NESTED -> LoadStrategy.NESTED;
            case SELECT_IN -> LoadStrategy.SELECT_IN;
            case SUBQUERY -> LoadStrategy.SUBQUERY;
            case LAZY -> LoadStrategy.LAZY;
            case IMMEDIATE -> LoadStrategy.IMMEDIATE;
            case NO_LOAD -> LoadStrategy.NO_LOAD;
            case RAISE -> LoadStrategy.RAISE;
        };
    }

    static Strategy of(LoadStrategy strategy) {
        return switch (strategy) {
            case JOINED -> Strategy.JOINED;
            case NESTED -> Strategy.NESTED;
            case SELECT_IN -> Strategy.SELECT_IN;
            case SUBQUERY -> Strategy.SUBQUERY;
            case LAZY -> Strategy.LAZY;
            case IMMEDIATE -> Strategy.IMMEDIATE;
            case NO_LOAD -> Strategy.NO_LOAD;
            case RAISE -> Strategy.RAISE;
        };
    }
}
