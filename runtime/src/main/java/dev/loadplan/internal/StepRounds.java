package dev.loadplan.internal;

import dev.loadplan.StatementFailedException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Runs the steps of one run of a {@link StatementTree} in as few round trips as what they bind allows. A step goes to
 * the server as soon as the values it binds are known: a subquery that binds what the root binds with the tree's own
 * statement; a step that binds its parents' keys ({@code SELECT_IN}, {@code IMMEDIATE}) once the statement holding
 * its parents is read, beside every other step waiting for the same round; a subquery repeating such a step's
 * statement with that step. So a plan costs one round trip per level of keys it waits for, and the statements of one
 * round trip are read in the order they were sent.
 */
final class StepRounds {

    /** What {@link #sourceOf} holds for a step whose parents the tree's own statement reads. */
    static final int TREE = -1;

    /** What one step sends in a round trip: its statements, bound, read in order. */
    private record Sending(BatchedStep<?, ?> step, List<PlanStatement> statements) {
    }

    private final List<BatchedStep<?, ?>> steps;
    /** Per step, the step whose reader reads its parents, or {@link #TREE} for the tree's own statement. */
    private final int[] sourceOf;
    private final Handle handle;
    private final LoadState state;
    private final RootBinds rootBinds;
    private final Pipeline pipeline;
    private final boolean[] sent;
    /** Per step, whether it is over: its rows read, or no parent waits for it, so it never runs. */
    private final boolean[] settled;
    private boolean treeRead;
    /** The steps sent with the tree's statement, until read. */
    private List<Sending> withTree;

    /**
     * The steps of {@code steps}, of which {@link StatementTree} says where each one's parents are read
     * ({@code sourceOf}), to run in {@code state}; {@code treeRead} when the tree's own statement was read already (a
     * stream's batch).
     */
    StepRounds(List<BatchedStep<?, ?>> steps, int[] sourceOf, Handle handle, LoadState state, RootBinds rootBinds,
            Pipeline pipeline, boolean treeRead) {
        this.steps = steps;
        this.sourceOf = sourceOf;
        this.handle = handle;
        this.state = state;
        this.rootBinds = rootBinds;
        this.pipeline = pipeline;
        this.sent = new boolean[steps.size()];
        this.settled = new boolean[steps.size()];
        this.treeRead = treeRead;
    }

    /**
     * Sends {@code tree}, the tree's own statement, with every step that binds nothing it reads; the caller reads
     * {@code tree}'s rows, then {@link #readWithTree} the rest.
     */
    void sendWithTree(PlanStatement tree) {
        withTree = nextRound();
        List<PlanStatement> statements = new ArrayList<>();
        statements.add(tree);
        withTree.forEach(sending -> statements.addAll(sending.statements()));
        send(statements);
    }

    /** Reads what {@link #sendWithTree} sent with the tree's statement, once the caller read the tree's rows. */
    void readWithTree() {
        treeRead = true;
        read(withTree);
        withTree = null;
    }

    /** Runs every step still to run, a round trip at a time, until none is left. */
    void runRest() {
        while (true) {
            List<Sending> round = nextRound();
            if (round.isEmpty()) {
                return;
            }
            List<PlanStatement> statements = new ArrayList<>();
            round.forEach(sending -> statements.addAll(sending.statements()));
            send(statements);
            read(round);
        }
    }

    private void send(List<PlanStatement> statements) {
        try {
            pipeline.send(statements, nothingLeft());
        } catch (SQLException e) {
            throw statements.get(0).failed(e);
        }
    }

    /**
     * Reads each statement of {@code round} in order. A statement's query may send a round trip of several (the round's
     * first, or the first of a later round trip when the round needs several): its failure then names them.
     */
    private void read(List<Sending> round) {
        for (Sending step : round) {
            for (PlanStatement statement : step.statements()) {
                try {
                    step.step().read(handle, statement, state);
                } catch (StatementFailedException e) {
                    throw pipeline.failedIn(e);
                }
            }
            settled[step.step().plan().id()] = true;
        }
    }

    /** Whether every step has run or never will. */
    private boolean nothingLeft() {
        for (int i = 0; i < steps.size(); i++) {
            if (!sent[i] && !settled[i]) {
                return false;
            }
        }
        return true;
    }

    /** The steps whose values are known now, in order, each with its statements; marks them sent. */
    private List<Sending> nextRound() {
        List<Sending> round = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (sent[i] || settled[i]) {
                continue;
            }
            BatchedStep<?, ?> step = steps.get(i);
            int source = sourceOf[i];
            if (source != TREE && settled[source] && !sent[source]) {
                // Its parents would have come from a step that never ran.
                settled[i] = true;
                continue;
            }
            List<PlanStatement> statements;
            if (step.waitsForRows()) {
                if (!(source == TREE ? treeRead : settled[source])) {
                    continue;
                }
                ParentBatch batch = state.batchIfAny(step.plan().id());
                if (batch == null || batch.isEmpty()) {
                    settled[i] = true;
                    continue;
                }
                if (step.readsTheGraph() && !settledBefore(i)) {
                    continue;
                }
                statements = step.statements(handle, state, rootBinds, batch);
            } else {
                int slot = ((SubqueryStep<?, ?>) step).keysSlot();
                boolean keysKnown = slot < 0 || sent[slot];
                if (!keysKnown || source != TREE && !sent[source]) {
                    continue;
                }
                statements = step.statements(handle, state, rootBinds, state.batchIfAny(step.plan().id()));
            }
            sent[i] = true;
            if (statements.isEmpty()) {
                settled[i] = true;
            } else {
                round.add(new Sending(step, statements));
            }
        }
        return round;
    }

    /** Whether the tree's statement and every step before step {@code index} are over. */
    private boolean settledBefore(int index) {
        if (!treeRead) {
            return false;
        }
        for (int i = 0; i < index; i++) {
            if (!settled[i]) {
                return false;
            }
        }
        return true;
    }
}
