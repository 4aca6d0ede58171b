package dev.loadplan.internal;

import dev.loadplan.Strategy;
import dev.loadplan.planner.LoadStrategy;

/**
 * The planner's name for a public {@link Strategy}, and back: the same strategies, under the same names, in the same
 * order ({@code StrategiesTest} holds the two enums to it). Mapped by position rather than by a switch, so a new
 * strategy is one constant in each enum and nothing here.
 */
final class Strategies {

    private static final LoadStrategy[] PLANNED = LoadStrategy.values();
    private static final Strategy[] PUBLIC = Strategy.values();

    static {
        // A mismatch would load every relationship with its neighbour's strategy: refuse to start instead.
        for (int i = 0; i < Math.max(PLANNED.length, PUBLIC.length); i++) {
            if (i >= PLANNED.length || i >= PUBLIC.length || !PLANNED[i].name().equals(PUBLIC[i].name())) {
                throw new IllegalStateException("dev.loadplan.Strategy and the planner's LoadStrategy differ at "
                        + i + ": the runtime and planner jars are of different versions");
            }
        }
    }

    private Strategies() {
    }

    static LoadStrategy of(Strategy strategy) {
        return PLANNED[strategy.ordinal()];
    }

    static Strategy of(LoadStrategy strategy) {
        return PUBLIC[strategy.ordinal()];
    }
}
