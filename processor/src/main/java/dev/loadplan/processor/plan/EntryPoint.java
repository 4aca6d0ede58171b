package dev.loadplan.processor.plan;

import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.processor.model.RelationshipModel;
import java.util.List;

/**
 * A static entry point of a loader, such as {@code withBooksSelectIn()}: the plan it returns and the constants
 * holding, in order, every statement that plan runs.
 *
 * @param relationship the relationship it names; null for {@code plain()}
 * @param strategy how it loads {@code relationship}; null for {@code plain()} and recursive loads
 * @param recursive whether it loads {@code relationship} to every depth, in one statement
 * @param constants the names of the constants holding its statements, in the order {@code sql()} lists them
 * @param loadsDefaults whether its plan loads relationships it does not name, as their declarations say
 * @param runs what its Javadoc says it runs, naming those constants in that order
 */
public record EntryPoint(String method, RelationshipModel relationship, LoadStrategy strategy, boolean recursive,
        List<String> constants, boolean loadsDefaults, String runs) {

    public EntryPoint {
        constants = List.copyOf(constants);
    }

    /** Whether the plan loads its relationship, so a plan for what lies below it makes sense. */
    public boolean loads() {
        return strategy != null && strategy.loads();
    }
}
