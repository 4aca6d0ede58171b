package dev.loadplan.planner;

import java.util.List;

/**
 * What a plan does that works but costs more than it should, and the relationships it is about, so that each reader
 * says it its own way: the runtime logs {@link #text()} once per plan shape, the processor warns on the relationships'
 * fields when their declared defaults do it.
 *
 * @param <R> the type of the relations the planner was given (see {@link MappedRelation})
 * @param kind what costs more
 * @param relations the relationships it is about, in the order the plan meets them
 * @param text the warning as the runtime logs it
 */
public record PlanWarning<R>(Kind kind, List<R> relations, String text) {

    public PlanWarning {
        relations = List.copyOf(relations);
    }

    /** What costs more than it should. */
    public enum Kind {
        /**
         * Two collections of one entity (or a collection and a relationship whose rows hold one) joined into one
         * statement, which returns every combination of their rows.
         */
        JOINED_SIBLINGS
    }
}
