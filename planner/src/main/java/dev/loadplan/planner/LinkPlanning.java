package dev.loadplan.planner;

/**
 * How one family of strategies plans a link: where it can sit ({@link #fitted}) and what it adds to the node that
 * holds it ({@link #plan}). Each strategy is planned in one place, the one its {@link LoadStrategy} names.
 */
sealed interface LinkPlanning permits JoinedLinks, NestedLinks, SteppedLinks, LazyLinks, UnloadedLinks {

    /**
     * The strategy {@code link} can have at {@code position}: its own unless it cannot be written there, when a
     * link the plan names ({@code named}) is an error and a default falls back to a strategy that loads the same
     * graph. {@code contained} says the caller's statement already joins it.
     */
    default LoadStrategy fitted(PlanShape.Link<?, ?> link, Position<?, ?> position, boolean named,
            boolean contained) {
        return link.strategy();
    }

    /** Adds {@code link}, whose strategy is already fitted, to {@code node}; {@code planner} plans what lies below. */
    <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> void plan(Planner<E, R> planner,
            NodeBuilder<E, R> node, PlanShape.Link<E, R> link);
}
