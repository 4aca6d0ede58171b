package dev.loadplan.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan shape planned: the root statement with its steps, and the lazy relationships it may load later. Immutable,
 * so one planned load serves every run of its shape, from any thread.
 *
 * @param <E> the type of the entities the planner was given (see {@link MappedEntity})
 * @param <R> the type of their relations
 */
public final class PlannedLoad<E, R> {

    private final StatementPlan<E, R> root;
    private final List<LazyPlan<E, R>> lazies;

    PlannedLoad(StatementPlan<E, R> root, List<LazyPlan<E, R>> lazies) {
        this.root = root;
        this.lazies = List.copyOf(lazies);
    }

    public StatementPlan<E, R> root() {
        return root;
    }

    /** What the plan does that works but costs more than it should, such as joining sibling collections. */
    public List<PlanWarning<R>> warnings() {
        return root.warnings();
    }

    /**
     * Every statement the plan can run, in order: the root statement, each step's, then the statements of lazy
     * relationships, which run on first read, once per parent (with theirs, but not those of lazy relationships
     * below them).
     */
    public List<PlannedStatement<E, R>> described() {
        List<PlannedStatement<E, R>> statements = new ArrayList<>();
        statements.add(new PlannedStatement<>(root.sql(), "", root.reader().entity(), null, PlannedStatement.When.ROOT,
                null, false, joined(root.reader()), nested(root.reader()),
                root.recursion() == null ? null : root.recursion().relation()));
        addSteps(root, false, statements);
        for (LazyPlan<E, R> lazy : lazies) {
            StatementPlan<E, R> tree = lazy.statement();
            statements.add(new PlannedStatement<>(tree.sql(), lazy.path(), lazy.parent(), lazy.relation(),
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

    private static <E, R> void addSteps(StatementPlan<E, R> tree, boolean afterRead,
            List<PlannedStatement<E, R>> out) {
        for (StepPlan<E, R> step : tree.steps()) {
            PlannedStatement.When when = step.strategy().runsPerParent()
                    ? PlannedStatement.When.PER_KEY : PlannedStatement.When.BATCH;
            out.add(new PlannedStatement<>(step.sql(), step.path(), step.parent(), step.relation(), when,
                    step.strategy(), afterRead, joined(step.reader()), nested(step.reader()), null));
        }
    }

    /** The relationships joined below {@code node}, depth first. */
    private static <E, R> List<R> joined(NodePlan<E, R> node) {
        List<R> joined = new ArrayList<>();
        for (NodePlan.Joined<E, R> link : node.joined()) {
            joined.add(link.relation());
            joined.addAll(joined(link.target()));
        }
        return joined;
    }

    /** The relationships nested in columns of the statement that reads {@code node}, depth first. */
    private static <E, R> List<R> nested(NodePlan<E, R> node) {
        List<R> nested = new ArrayList<>();
        for (NodePlan.Joined<E, R> link : node.joined()) {
            nested.addAll(nested(link.target()));
        }
        for (NodePlan.Nested<E, R> link : node.nested()) {
            nested.add(link.relation());
            nested.addAll(nested(link.target()));
        }
        return nested;
    }
}
