package dev.loadplan.internal;

import dev.loadplan.Strategy;
import dev.loadplan.planner.LoadStrategy;

/** The planner's name for a public {@link Strategy}: the same ones, under the same names. */
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
}
