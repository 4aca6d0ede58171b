package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.Strategy;
import dev.loadplan.internal.sql.RootShaping;
import dev.loadplan.internal.sql.SelectTree;
import dev.loadplan.internal.sql.SqlComposer;
import dev.loadplan.internal.sql.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a {@link PlanSpec} into a {@link CompiledPlan}: joined links become joins of their parent's statement,
 * batched links become statements of their own, each with a reader that knows its columns' offsets.
 */
public final class PlanCompiler {

    private final List<BatchedStep<?, ?>> steps = new ArrayList<>();
    private int readers;

    private PlanCompiler() {
    }

    /** Compiles the plan; {@code byId} restricts the root rows to the one bound as {@code :lp_id}. */
    public static <E> CompiledPlan<E> compile(PlanSpec<E> spec, boolean byId) {
        PlanCompiler compiler = new PlanCompiler();
        TableShape root = spec.mapping().table();
        String where = spec.where();
        if (byId) {
            String idCondition = root.table() + '.' + root.idColumn() + " = :" + RootBinds.ID_PARAMETER;
            where = where == null ? idCondition : "(" + where + ") AND " + idCondition;
        }
        RootShaping shaping = new RootShaping(where, spec.orderBy(), spec.limit() != null || spec.offset() != null);
        Statement<E> statement = compiler.statement(spec, 0,
                column -> SqlComposer.rootKeys(root, column, shaping));
        String rootSql = SqlComposer.root(statement.tree(), shaping);
        return new CompiledPlan<>(rootSql, statement.reader(), compiler.steps, compiler.readers);
    }

    /** One statement's share of the plan: the tables it selects and how to read them. */
    private record Statement<E>(SelectTree tree, NodeReader<E> reader) {
    }

    /**
     * Compiles the node read at {@code offset} of a statement, with everything joined below it; batched links
     * below it become steps. {@code parentKeys} writes the query that selects one column of this node's rows,
     * for a {@code SUBQUERY} link below it to repeat; null where no such query can be written.
     */
    private <E> Statement<E> statement(PlanSpec<E> spec, int offset, Function<String, String> parentKeys) {
        EntityMapping<E> mapping = spec.mapping();
        int readerId = readers++;
        List<SelectTree.Join> joins = new ArrayList<>();
        List<NodeReader.Joined<E, ?>> joined = new ArrayList<>();
        List<NodeReader.Batched<E, ?>> batched = new ArrayList<>();
        List<Runnable> batchedLater = new ArrayList<>();
        int childOffset = offset + mapping.table().columns().size();
        for (LinkSpec<E, ?> link : spec.links()) {
            Strategy strategy = link.strategy();
            if (strategy == Strategy.JOINED) {
                Statement<?> child = joinedChild(link, childOffset);
                joins.add(new SelectTree.Join(link.relation().shape(), child.tree()));
                joined.add(joinedReader(link, child));
                childOffset += child.tree().columnCount();
            } else if (strategy.isBatched()) {
                int stepId = steps.size();
                int keyIndex = mapping.table().indexOf(link.relation().shape().sourceColumn());
                batched.add(new NodeReader.Batched<>(link.relation(), keyIndex, stepId));
                // Steps are numbered now and compiled once this statement is complete, so that a parent's
                // statement always comes before its children's in the plan's order.
                steps.add(null);
                batchedLater.add(() -> compileStep(link, stepId, parentKeys));
            } else {
                throw new LoadPlanException(link.relation().qualifiedName() + " with " + strategy
                        + " is not supported yet; use JOINED, SELECT_IN or SUBQUERY");
            }
        }
        NodeReader<E> reader = new NodeReader<>(readerId, mapping, offset, joined, batched);
        Statement<E> statement = new Statement<>(SelectTree.of(mapping.table(), joins), reader);
        batchedLater.forEach(Runnable::run);
        return statement;
    }

    private <P, C> Statement<C> joinedChild(LinkSpec<P, C> link, int offset) {
        // A subquery link below a joined one would have to repeat the joined statement: not written yet.
        return statement(link.target(), offset, null);
    }

    private static <P, C> NodeReader.Joined<P, C> joinedReader(LinkSpec<P, C> link, Statement<?> child) {
        @SuppressWarnings("unchecked")
        NodeReader<C> reader = (NodeReader<C>) child.reader();
        return new NodeReader.Joined<>(link.relation(), reader);
    }

    private <P, C> void compileStep(LinkSpec<P, C> link, int stepId, Function<String, String> parentKeys) {
        Relation<P, C> relation = link.relation();
        TableShape target = relation.target().table();
        int targetOffset = SqlComposer.targetOffset(relation.shape());
        String keysOfParents;
        if (link.strategy() == Strategy.SUBQUERY) {
            if (parentKeys == null) {
                throw new LoadPlanException(relation.qualifiedName()
                        + " with SUBQUERY below a JOINED or SELECT_IN link is not supported yet; use SELECT_IN");
            }
            keysOfParents = parentKeys.apply(relation.shape().sourceColumn());
        } else {
            keysOfParents = null;
        }
        Function<String, String> childKeys = keysOfParents == null ? null
                : column -> SqlComposer.keysBelow(relation.shape(), target, column, keysOfParents);
        Statement<C> statement = statement(link.target(), targetOffset, childKeys);
        String sql = keysOfParents == null
                ? SqlComposer.selectIn(relation.shape(), statement.tree())
                : SqlComposer.subquery(relation.shape(), statement.tree(), keysOfParents);
        int parentKeyIndex = SqlComposer.parentKeyIndex(relation.shape(), target);
        steps.set(stepId, new BatchedStep<>(stepId, relation, link.strategy(), sql, statement.reader(),
                parentKeyIndex));
    }
}
