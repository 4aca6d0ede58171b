package dev.loadplan.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoaderPlan;
import dev.loadplan.Strategy;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads with one plan, reads the graph back as plain values, and checks both the values and the statements
 * counted by JDBI: at load for eager strategies (and none while reading), after every parent's relationship
 * was read for {@code LAZY} (and only the root statement at load).
 */
public final class StrategyCheck {

    private StrategyCheck() {
    }

    public static <E> void check(Jdbi jdbi, StatementCounter counter, Strategy strategy, LoaderPlan<E, ?> plan,
            int expectedStatements, Function<List<E>, Object> describe, Object expectedGraph) {
        counter.reset();
        List<E> roots = plan.list(jdbi);
        int atLoad = counter.count();
        Object graph = describe.apply(roots);
        int afterReading = counter.count();

        assertThat(graph).as("graph of %s", strategy).isEqualTo(expectedGraph);
        if (strategy == Strategy.LAZY) {
            assertThat(atLoad).as("statements of %s at load", strategy).isEqualTo(1);
            assertThat(afterReading).as("statements of %s after reading every relationship", strategy)
                    .isEqualTo(expectedStatements);
        } else {
            assertThat(atLoad).as("statements of %s at load: %s", strategy, counter.statements())
                    .isEqualTo(expectedStatements);
            assertThat(afterReading).as("statements of %s while reading", strategy).isEqualTo(atLoad);
        }
    }
}
