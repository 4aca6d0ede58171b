package dev.loadplan.planner;

import dev.loadplan.planner.sql.SelectTree;
import dev.loadplan.planner.sql.SqlComposer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node of a statement while its links are planned: what each strategy's {@link LinkPlanning} adds to it, read
 * into a {@link NodePlan} and a {@link SelectTree} by {@link #build}.
 */
final class NodeBuilder<E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> {

    final E entity;
    final Position<E, R> position;
    /** The wildcard in force for the node's links: the plan's own, else the one in force above. */
    final LoadStrategy wildcard;
    final Planner.Scope<E, R> scope;
    final List<SelectTree.Join> joins = new ArrayList<>();
    final List<NodePlan.Joined<E, R>> joined = new ArrayList<>();
    final List<NodePlan.Nested<E, R>> nested = new ArrayList<>();
    final List<NodePlan.Batched<R>> batched = new ArrayList<>();
    final List<NodePlan.Lazy<E, R>> lazy = new ArrayList<>();
    final List<NodePlan.Unloaded<R>> unloaded = new ArrayList<>();
    final List<R> claimed = new ArrayList<>();
    /** Where the next joined or nested link's columns start in the statement's rows. */
    int childOffset;
    /** The first joined link that multiplies the node's rows, which a second one is warned against. */
    R firstJoinedCollection;

    private final int readerId;
    private final int offset;
    private final Map<R, String> contained;
    /** Work that needs the node's statement complete first, run by {@link #build}. */
    private final List<Runnable> later = new ArrayList<>();

    NodeBuilder(PlanShape<E, R> shape, int offset, Position<E, R> position, Planner.Scope<E, R> scope) {
        this.entity = shape.entity();
        this.position = position;
        this.wildcard = shape.wildcard() != null ? shape.wildcard() : position.wildcard();
        this.scope = scope;
        this.readerId = scope.readers++;
        this.offset = offset;
        this.contained = shape.source() == null ? Map.of() : shape.source().contained();
        this.childOffset = offset + entity.table().columns().size();
    }

    /** The alias under which the caller's statement joins {@code relation} itself, or null. */
    String callerAlias(R relation) {
        return contained.get(relation);
    }

    /** The position of {@code relation}'s target below this node. */
    Position<E, R> below(R relation, KeySource childKeys) {
        return position.below(entity, relation, childKeys, wildcard);
    }

    /** How a subquery below {@code relation}, read in this node's statement, finds its parents. */
    KeySource keysThrough(R relation, SqlComposer.Criteria criteria) {
        return position.keys() == null ? null
                : position.keys().through(relation.shape(), relation.target().table(), criteria);
    }

    int keyIndex(R relation) {
        return entity.table().indexOf(relation.shape().sourceColumn());
    }

    R backReference(R relation) {
        return Inverses.backReference(entity, relation);
    }

    void later(Runnable work) {
        later.add(work);
    }

    /** The node's share of its statement; then what waited for it. */
    Planner.Statement<E, R> build() {
        NodePlan<E, R> reader = new NodePlan<>(readerId, entity, offset, joined, nested, batched, lazy, unloaded,
                claimed, false);
        Planner.Statement<E, R> statement = new Planner.Statement<>(SelectTree.of(entity.table(), joins), reader);
        later.forEach(Runnable::run);
        return statement;
    }
}
