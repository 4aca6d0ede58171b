package dev.loadplan.planner;

/**
 * Refuses, when a plan is built, what could never be built from any data: a record loaded through a relationship
 * whose plan loads, right below it, the other side of that relationship back into a record. Each child would hold
 * its parent and the parent its child, and a record is built only after what it holds. Cycles the data may or may
 * not hold (a record tree that points back at an ancestor) are found when the records are built. A link that names
 * no strategy is checked with the one it gets where it sits, when the plan is planned ({@link LinkWalk}).
 */
final class RecordCycles {

    private RecordCycles() {
    }

    static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> void refuse(E parent, R relation,
            LoadStrategy strategy, PlanShape<E, R> below) {
        if (!strategy.eager() || !parent.buildsRecords() || !relation.target().buildsRecords()) {
            return;
        }
        R back = Inverses.inverse(parent, relation);
        if (back == null) {
            return;
        }
        for (PlanShape.Link<E, R> link : below.links()) {
            // A link back that names no strategy is never eager here: a default is not followed into the parent.
            if (link.relation() == back && !link.keepsDefault() && link.strategy().eager()) {
                throw new PlanningException("the plan loads " + relation.qualifiedName() + " " + strategy + " and, "
                        + "below it, " + back.qualifiedName() + " " + link.strategy() + ": " + parent.entityName()
                        + " -> " + relation.qualifiedName() + " -> " + back.qualifiedName() + " -> "
                        + parent.entityName() + ". Both are records, and a record cannot hold an instance that holds "
                        + "it. Load " + back.qualifiedName() + " LAZY or NO_LOAD here, or map "
                        + relation.target().entityName() + " or " + parent.entityName() + " as a class");
            }
        }
    }
}
