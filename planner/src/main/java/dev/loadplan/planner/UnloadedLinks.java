package dev.loadplan.planner;

/** {@code NO_LOAD} and {@code RAISE}: nothing is read; the reader leaves the field empty, or makes it throw. */
final class UnloadedLinks implements LinkPlanning {

    static final UnloadedLinks LINKS = new UnloadedLinks();

    private UnloadedLinks() {
    }

    @Override
    public <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> void plan(Planner<E, R> planner,
            NodeBuilder<E, R> node, PlanShape.Link<E, R> link) {
        node.unloaded.add(new NodePlan.Unloaded<>(link.relation(), link.strategy()));
    }
}
