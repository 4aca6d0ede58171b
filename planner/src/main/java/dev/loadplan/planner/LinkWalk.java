package dev.loadplan.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan's links walked once before it is planned, each with the strategy it gets where it sits. A link that names
 * no strategy ({@link PlanShape#defaultLink}) gets the one a relationship the plan does not name would get there
 * ({@link Planner#byDefault}: the wildcard in force, else the declared default), which no one knows before the whole
 * plan is: a wildcard may come later, or from the plan above. So what its plan holds is checked against that strategy
 * here, when the plan is planned, down the whole plan, below lazy links too, whose statements are planned only on
 * first read: a join in what a nested column holds, records that would hold each other. What a link that loads
 * nothing (RAISE, NO_LOAD) has below it is never planned, so never checked. The walk also finds whether the root
 * statement holds a link's condition or order, read there by a link reading in its parent's statement.
 */
final class LinkWalk<E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> {

    /**
     * The link whose nested column holds a node's rows, and, when it names no strategy, why it is NESTED there; null
     * when it names NESTED itself.
     */
    private record Column<R>(R relation, String why) {
    }

    private boolean joinsWithCriteria;

    private LinkWalk() {
    }

    /** Walks {@code shape}, refusing what cannot sit where it does. */
    static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> LinkWalk<E, R> of(PlanShape<E, R> shape) {
        LinkWalk<E, R> walk = new LinkWalk<>();
        walk.walk(shape, List.of(), null, null, true);
        return walk;
    }

    /**
     * Whether a link read in its parent's statement (JOINED, NESTED), in the root statement, has a condition or order
     * of its own: the caller's SQL is then in the root statement.
     */
    boolean joinsWithCriteria() {
        return joinsWithCriteria;
    }

    /**
     * Walks the links of {@code shape}, a node below {@code ancestors} where {@code above} is the wildcard in force,
     * read from {@code column} (null when not in a nested column), in the root statement when {@code root}.
     */
    private void walk(PlanShape<E, R> shape, List<E> ancestors, LoadStrategy above, Column<R> column, boolean root) {
        E entity = shape.entity();
        LoadStrategy wildcard = shape.wildcard() != null ? shape.wildcard() : above;
        R recursive = shape.source() == null ? null : shape.source().recursive();
        List<E> path = new ArrayList<>(ancestors);
        path.add(entity);
        for (PlanShape.Link<E, R> link : shape.links()) {
            R relation = link.relation();
            if (relation == recursive) {
                continue;
            }
            boolean keepsDefault = link.keepsDefault();
            LoadStrategy strategy = keepsDefault
                    ? Planner.byDefault(relation, ancestors, entity, wildcard, null).strategy() : link.strategy();
            String source = wildcard != null ? "the defaultStrategy in force" : "its declared default";
            String why = keepsDefault ? source + ", as the plan names no strategy for it" : null;
            if (shape.source() != null && shape.source().contained().containsKey(relation)) {
                // The caller's statement joins it itself.
                strategy = LoadStrategy.JOINED;
            }
            if (column != null && strategy == LoadStrategy.JOINED) {
                if (!keepsDefault) {
                    throw refusal(relation, column);
                }
                // A default JOINED is read NESTED there, as the planner fits it.
                strategy = LoadStrategy.NESTED;
                why = source + " is JOINED, read NESTED in the nested column of " + column.relation().qualifiedName()
                        + ", as the plan names no strategy for it";
            }
            if (keepsDefault) {
                RecordCycles.refuse(entity, relation, strategy, link.target());
            }
            boolean inParentStatement = strategy.readsInParentStatement();
            if (root && inParentStatement && Planner.criteria(link).any()) {
                joinsWithCriteria = true;
            }
            if (strategy.loads()) {
                Column<R> below = strategy == LoadStrategy.NESTED ? new Column<>(relation, why)
                        : strategy == LoadStrategy.JOINED ? column : null;
                walk(link.target(), path, wildcard, below, root && inParentStatement);
            }
        }
    }

    /** Why {@code relation}, named JOINED, cannot sit in {@code column}, which holds rows of one table. */
    private PlanningException refusal(R relation, Column<R> column) {
        if (column.why() == null) {
            return PlanShape.joinedInNestedColumn(relation);
        }
        String holder = column.relation().qualifiedName();
        return new PlanningException(relation.qualifiedName() + " cannot be JOINED below a NESTED link, whose column "
                + "holds rows of one table: " + holder + " is NESTED here: " + column.why() + ". Load "
                + relation.qualifiedName() + " NESTED, which reads it in the same statement, or name how " + holder
                + " loads");
    }
}
