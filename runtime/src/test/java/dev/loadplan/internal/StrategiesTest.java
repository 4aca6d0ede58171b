package dev.loadplan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.Strategy;
import dev.loadplan.planner.LoadStrategy;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The public {@link Strategy} and the planner's {@link LoadStrategy} are the same strategies: same names, same order
 * (README's table and the generated entry points follow it), and each maps to its namesake and back.
 */
class StrategiesTest {

    @Test
    void theApisStrategiesAreThePlannersInTheSameOrderAndMapToTheirNamesakes() {
        assertThat(Arrays.stream(Strategy.values()).map(Strategy::name))
                .containsExactlyElementsOf(Arrays.stream(LoadStrategy.values()).map(LoadStrategy::name).toList());
        for (Strategy strategy : Strategy.values()) {
            assertThat(Strategies.of(strategy).name()).isEqualTo(strategy.name());
            assertThat(Strategies.of(Strategies.of(strategy))).isEqualTo(strategy);
        }
    }

    @Test
    void whatHoldsForEachStrategyIsWhatReadmesTableSays() {
        assertThat(Arrays.stream(LoadStrategy.values()).filter(LoadStrategy::eager))
                .containsExactly(LoadStrategy.JOINED, LoadStrategy.NESTED, LoadStrategy.SELECT_IN,
                        LoadStrategy.SUBQUERY, LoadStrategy.IMMEDIATE);
        assertThat(Arrays.stream(LoadStrategy.values()).filter(strategy -> !strategy.loads()))
                .containsExactly(LoadStrategy.NO_LOAD, LoadStrategy.RAISE);
        assertThat(Arrays.stream(LoadStrategy.values()).filter(strategy -> !strategy.fits(false)))
                .as("what a plain reference field cannot hold").containsExactly(LoadStrategy.LAZY, LoadStrategy.RAISE);
        assertThat(Arrays.stream(LoadStrategy.values()).filter(LoadStrategy::runsPerParent))
                .as("1 statement per parent").containsExactly(LoadStrategy.LAZY, LoadStrategy.IMMEDIATE);
        assertThat(LoadStrategy.SELECT_IN.word()).isEqualTo("SelectIn");
        assertThat(LoadStrategy.NO_LOAD.word()).isEqualTo("NoLoad");
    }
}
