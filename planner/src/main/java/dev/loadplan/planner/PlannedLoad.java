package dev.loadplan.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan shape planned: the root statement with its steps, and the lazy relationships it may load later. Immutable,
 * so one planned load serves every run of its shape, from any thread.
 */
public final class PlannedLoad {

    private final StatementPlan root;
    private final List<LazyPlan> lazies;

    PlannedLoad(StatementPlan root, List<LazyPlan> lazies) {
        this.root = root;
        this.lazies = List.copyOf(lazies);
    }

    public StatementPlan root() {
        return root;
    }

    /** What the plan does that works but costs more than it should, such as joining sibling collections. */
    public List<PlanWarning> warnings() {
        return root.warnings();
    }

    /**
     * Every statement the plan can run, in order: the root statement, each step's, then the statements of lazy
     * relationships, which run on first read, once per parent (with theirs, but not those of lazy relationships
     * below them).
     */
    public List<PlannedStatement> described() {
        List<PlannedStatement> statements = new ArrayList<>();
        statements.add(new PlannedStatement(root.sql(), "", root.reader().entity(), null, PlannedStatement.When.ROOT,
                null, false, joined(root.reader()), nested(root.reader()),
                root.recursion() == null ? null : root.recursion().relation()));
        addSteps(root, false, statements);
        for (LazyPlan lazy : lazies) {
            StatementPlan tree = lazy.statement();
            statements.add(new PlannedStatement(tree.sql(), lazy.path(), lazy.parent(), lazy.relation(),
                    PlannedStatement.When.ON_READ, LoadStrategy.LAZY, true, joined(tree.reader()),
                    nested(tree.reader()), null));
            addSteps(tree, true, statements);
        }
        return List.copyOf(statements);
    }

    /** The SQL of {@link #described()}. */
    public List<String> statements() {
        return described().stream().map(PlannedStatement::sql).toList();
    }

    private static void addSteps(StatementPlan tree, boolean afterRead, List<PlannedStatement> out) {
        for (StepPlan step : tree.steps()) {
            PlannedStatement.When when = step.strategy().runsPerParent()
                    ? PlannedStatement.When.PER_KEY : PlannedStatement.When.BATCH;
            out.add(new PlannedStatement(step.sql(), step.path(), step.parent(), step.relation(), when,
                    step.strategy(), afterRead, joined(step.reader()), nested(step.reader()), null));
        }
    }

    /** The relationships joined below {@code node}, depth first. */
    private static List<MappedRelation> joined(NodePlan node) {
        List<MappedRelation> joined = new ArrayList<>();
        for (NodePlan.Joined link : node.joined()) {
            joined.add(link.relation());
            joined.addAll(joined(link.target()));
        }
        return joined;
    }

    /** The relationships nested in columns of the statement that reads {@code node}, depth first. */
    private static List<MappedRelation> nested(NodePlan node) {
        List<MappedRelation> nested = new ArrayList<>();
        for (NodePlan.Joined link : node.joined()) {
            nested.addAll(nested(link.target()));
        }
        for (NodePlan.Nested link : node.nested()) {
            nested.add(link.relation());
            nested.addAll(nested(link.target()));
        }
        return nested;
    }
}
