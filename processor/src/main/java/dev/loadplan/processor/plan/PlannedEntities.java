package dev.loadplan.processor.plan;

import com.palantir.javapoet.ClassName;
import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.MappedEntity;
import dev.loadplan.planner.MappedRelation;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.TableShape;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.RelationshipModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entities of a build as the planner sees them: every entity model, its relationships pointing at the
 * others, so the processor plans each static entry point with the planner the runtime runs it with, declared
 * defaults of every entity it reaches included. What the planner plans holds these, so a plan's relations lead back
 * to their models.
 */
public final class PlannedEntities {

    private final Map<ClassName, Entity> entities = new HashMap<>();

    private PlannedEntities() {
    }

    /** The planner's view of {@code models}, which hold every entity their relationships point at. */
    public static PlannedEntities of(List<EntityModel> models) {
        PlannedEntities planned = new PlannedEntities();
        for (EntityModel model : models) {
            planned.entities.put(model.type(), new Entity(model));
        }
        for (Entity entity : planned.entities.values()) {
            for (RelationshipModel relationship : entity.model.relationships()) {
                Entity target = planned.entities.get(relationship.target());
                if (target != null) {
                    entity.relations.add(new Relation(entity, relationship, target));
                }
            }
        }
        return planned;
    }

    /** The planner's view of {@code model}. */
    Entity entity(EntityModel model) {
        return require(model.type());
    }

    /** The planner's view of {@code relationship} of {@code model}. */
    Relation relation(EntityModel model, RelationshipModel relationship) {
        for (Relation relation : require(model.type()).relations) {
            if (relation.model == relationship) {
                return relation;
            }
        }
        throw new IllegalArgumentException(model.simpleName() + " has no relationship " + relationship.field());
    }

    private Entity require(ClassName type) {
        Entity entity = entities.get(type);
        if (entity == null) {
            throw new IllegalArgumentException("no model of " + type);
        }
        return entity;
    }

    /** An entity model as the planner sees it. */
    static final class Entity implements MappedEntity<Entity, Relation> {
        private final EntityModel model;
        private final List<Relation> relations = new ArrayList<>();

        Entity(EntityModel model) {
            this.model = model;
        }

        @Override
        public String entityName() {
            return model.simpleName();
        }

        @Override
        public TableShape table() {
            return model.table();
        }

        @Override
        public List<Relation> relations() {
            return relations;
        }

        @Override
        public boolean buildsRecords() {
            // As its generated mapping says: a record holding no relationship is built from its row at once.
            return model.record() && !model.relationships().isEmpty();
        }

        @Override
        public String toString() {
            return model.simpleName();
        }
    }

    /** A relationship of an entity model as the planner sees it. */
    static final class Relation implements MappedRelation<Entity, Relation> {
        private final Entity owner;
        private final RelationshipModel model;
        private final Entity target;

        Relation(Entity owner, RelationshipModel model, Entity target) {
            this.owner = owner;
            this.model = model;
            this.target = target;
        }

        @Override
        public String qualifiedName() {
            return owner.entityName() + "." + model.field();
        }

        @Override
        public RelationShape shape() {
            return model.shape();
        }

        @Override
        public LoadStrategy declaredStrategy() {
            return model.declaredStrategy();
        }

        @Override
        public boolean canDefer() {
            return model.form().canDefer();
        }

        @Override
        public boolean alwaysLoaded() {
            return model.alwaysLoaded();
        }

        @Override
        public boolean fits(LoadStrategy strategy) {
            return model.fits(strategy);
        }

        @Override
        public Entity target() {
            return target;
        }

        RelationshipModel model() {
            return model;
        }

        @Override
        public String keyArrayType() {
            return model.keyType().keyArrayType();
        }

        @Override
        public String toString() {
            return qualifiedName();
        }
    }
}
