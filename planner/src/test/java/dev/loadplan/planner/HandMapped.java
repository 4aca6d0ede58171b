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

    /**
     * A relationship as the planner sees it; a view's is {@code alwaysLoaded}, and then {@code canDefer} says its field
     * is a {@code Ref}, the one form a view's relationship may load on read in.
     */
    record Relation(Entity owner, RelationShape shape, LoadStrategy declaredStrategy, boolean canDefer,
            Entity target, boolean alwaysLoaded) implements MappedRelation<Entity, Relation> {

        Relation(Entity owner, RelationShape shape, LoadStrategy declaredStrategy, boolean canDefer, Entity target) {
            this(owner, shape, declaredStrategy, canDefer, target, false);
        }

        @Override
        public boolean fits(LoadStrategy strategy) {
            return alwaysLoaded ? strategy.keepsLoaded(canDefer) : strategy.fits(canDefer);
        }

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
