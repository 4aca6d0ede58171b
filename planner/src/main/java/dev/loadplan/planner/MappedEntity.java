package dev.loadplan.planner;

import dev.loadplan.planner.sql.TableShape;
import java.util.List;

/**
 * An entity as the planner sees it: its table and its relationships. The runtime's generated mappings implement
 * it, and so does the processor's model of an entity, so both plan from the same facts. Implementations are
 * compared by identity: one instance per entity.
 *
 * <p>The planner hands back what it was given: a plan of entities of type {@code E} and relations of type {@code R}
 * holds those, so the runtime reads its own generated mappings and relations out of a plan, and the processor its
 * own models, with no cast.
 *
 * @param <E> the type of the entities planned together, this one's included
 * @param <R> the type of their relations
 */
public interface MappedEntity<E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> {

    /** The entity's simple class name, for messages. */
    String entityName();

    TableShape table();

    /** Every relationship the entity declares, in declaration order. */
    List<? extends R> relations();

    /**
     * Whether the entity is a record built only once everything it holds is loaded; false for a record that holds no
     * relationship, built from its row at once as a class's entity is filled.
     */
    boolean buildsRecords();
}
