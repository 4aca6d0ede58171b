package dev.loadplan.planner;

/** {@code NO_LOAD} and {@code RAISE}: nothing is read; the reader leaves the field empty, or makes it throw. */
final class UnloadedLinks implements LinkPlanning {

    static final UnloadedLinks LINKS = new UnloadedLinks();

    private UnloadedLinks() {
    }

    @Override
    public void plan(Planner planner, NodeBuilder node, PlanShape.Link link) {
        node.unloaded.add(new NodePlan.Unloaded(link.relation(), link.strategy()));
    }
}
