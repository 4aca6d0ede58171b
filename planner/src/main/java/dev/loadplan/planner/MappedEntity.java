package dev.loadplan.planner;

import dev.loadplan.planner.sql.TableShape;
import java.util.List;

/**
 * An entity as the planner sees it: its table and its relationships. The runtime's generated mappings implement
 * it, and so does the processor's model of an entity, so both plan from the same facts. Implementations are
 * compared by identity: one instance per entity.
 */
public interface MappedEntity {

    /** The entity's simple class name, for messages. */
    String entityName();

    TableShape table();

    /** Every relationship the entity declares, in declaration order. */
    List<? extends MappedRelation> relations();

    /** Whether the entity is a record, built only once everything it holds is loaded. */
    boolean buildsRecords();
}
