package dev.loadplan.planner;

import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.TableShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The entities and relationships the planner's tests plan with, described by hand, as the processor and the runtime
 * describe theirs.
 */
final class HandMapped {

    private HandMapped() {
    }

    /** An entity as the planner sees it. */
    static final class Entity implements MappedEntity<Entity, Relation> {
        final String name;
        final TableShape table;
        final boolean record;
        final List<Relation> relations = new ArrayList<>();

        Entity(String name, TableShape table, boolean record) {
            this.name = name;
            this.table = table;
            this.record = record;
        }

        @Override
        public String entityName() {
            return name;
        }

        @Override
        public TableShape table() {
            return table;
        }

        @Override
        public List<Relation> relations() {
            return relations;
        }

        @Override
        public boolean buildsRecords() {
            return record;
        }
    }

    /** A relationship as the planner sees it. */
    record Relation(Entity owner, RelationShape shape, LoadStrategy declaredStrategy, boolean canDefer,
            Entity target) implements MappedRelation<Entity, Relation> {

        @Override
        public String qualifiedName() {
            return owner.name + "." + shape.name();
        }

        @Override
        public String keyArrayType() {
            return "bigint";
        }
    }
}
