package dev.loadplan.processor.plan;

import static dev.loadplan.planner.sql.SqlIdentifiers.quoteIfNeeded;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.TableShape;
import dev.loadplan.processor.model.Accessor;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.RelationshipKind;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.model.ScalarType;
import java.util.List;

/**
 * Entity models built by hand, as the validator would build them, for planner tests that need no compiler.
 * Identifiers are quoted where PostgreSQL needs it, exactly as the validator quotes them.
 */
final class Models {

    private static final String PACKAGE = "test";

    private Models() {
    }

    static ColumnModel id(String name, ScalarType type, boolean generated) {
        return new ColumnModel(name, name, type, typeName(type), true, generated, Accessor.direct(name), false);
    }

    static ColumnModel column(String name, ScalarType type) {
        return new ColumnModel(name, name, type, typeName(type), false, false, Accessor.direct(name), false);
    }

    /** A foreign key column that only a relationship maps: no field holds it. */
    static ColumnModel foreignKey(String name, ScalarType type) {
        return new ColumnModel(null, name, type, typeName(type).box(), false, false, null, false);
    }

    /** The table as statements select it: quoted where needed, columns in the order given. */
    static TableShape table(String table, List<ColumnModel> columns) {
        int idIndex = 0;
        while (!columns.get(idIndex).id()) {
            idIndex++;
        }
        return new TableShape(quoteIfNeeded(table),
                columns.stream().map(column -> quoteIfNeeded(column.name())).toList(), idIndex);
    }

    static EntityModel entity(String simpleName, String table, List<ColumnModel> columns,
            RelationshipModel... relationships) {
        List<String> components = new java.util.ArrayList<>();
        columns.stream().filter(ColumnModel::isMapped).forEach(column -> components.add(column.field()));
        for (RelationshipModel relationship : relationships) {
            components.add(relationship.field());
        }
        return new EntityModel(ClassName.get(PACKAGE, simpleName), table(table, columns), columns,
                List.of(relationships), false, components);
    }

    /** {@code @Relationship(mappedBy = ...) List<Target> field}: the target's {@code foreignKey} holds the key. */
    static RelationshipModel oneToMany(String field, String target, TableShape targetTable, String sourceId,
            String foreignKey, ScalarType keyType, OrderTerm... orderBy) {
        RelationShape shape = RelationShape.foreignKeyInTarget(field, true, quoteIfNeeded(sourceId),
                quoteIfNeeded(foreignKey), order(targetTable, orderBy));
        return relationship(field, target, RelationshipKind.ONE_TO_MANY, shape, targetTable, keyType);
    }

    /** {@code @Relationship(joinColumn = ...) Target field}: this table's {@code foreignKey} holds the key. */
    static RelationshipModel manyToOne(String field, String target, TableShape targetTable, String foreignKey,
            ScalarType keyType, boolean innerJoin) {
        RelationShape shape = RelationShape.foreignKeyInSource(field, quoteIfNeeded(foreignKey),
                targetTable.idColumn(), innerJoin);
        return relationship(field, target, RelationshipKind.MANY_TO_ONE, shape, targetTable, keyType);
    }

    /** {@code @Relationship(joinTable = ..., joinColumn = ..., inverseJoinColumn = ...) List<Target> field}. */
    static RelationshipModel manyToMany(String field, String target, TableShape targetTable, String sourceId,
            String joinTable, String joinColumn, String inverseJoinColumn, ScalarType keyType,
            OrderTerm... orderBy) {
        RelationShape shape = RelationShape.joinTable(field, quoteIfNeeded(sourceId), targetTable.idColumn(), null,
                quoteIfNeeded(joinTable), quoteIfNeeded(joinColumn), quoteIfNeeded(inverseJoinColumn),
                order(targetTable, orderBy));
        return relationship(field, target, RelationshipKind.MANY_TO_MANY, shape, targetTable, keyType);
    }

    /** An order term on a target column; without terms a collection is in primary key order. */
    static OrderTerm orderBy(String column, boolean descending) {
        return new OrderTerm(quoteIfNeeded(column), descending);
    }

    /** The terms given, or as the validator does without {@code orderBy}: the target's primary key. */
    private static List<OrderTerm> order(TableShape targetTable, OrderTerm... terms) {
        return terms.length == 0 ? List.of(new OrderTerm(targetTable.idColumn(), false)) : List.of(terms);
    }

    private static RelationshipModel relationship(String field, String target, RelationshipKind kind,
            RelationShape shape, TableShape targetTable, ScalarType keyType) {
        FieldForm form = shape.many() ? FieldForm.COLLECTION : FieldForm.REFERENCE;
        return new RelationshipModel(field, Accessor.direct(field), form, ClassName.get(PACKAGE, target), kind, shape,
                targetTable, keyType, LoadStrategy.RAISE, null);
    }

    /**
     * The planner's view of {@code models}, with an entity of no relationships for each target they point at but
     * do not include, as the validator gives the processor every entity a relationship reaches.
     */
    static PlannedEntities planned(EntityModel... models) {
        java.util.Map<ClassName, EntityModel> all = new java.util.LinkedHashMap<>();
        for (EntityModel model : models) {
            all.put(model.type(), model);
        }
        for (EntityModel model : models) {
            for (RelationshipModel relationship : model.relationships()) {
                all.computeIfAbsent(relationship.target(), target -> leaf(target, relationship.targetTable()));
            }
        }
        return PlannedEntities.of(List.copyOf(all.values()));
    }

    /** An entity with {@code table}'s columns, all long, and no relationship. */
    private static EntityModel leaf(ClassName type, TableShape table) {
        List<ColumnModel> columns = new java.util.ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String name = table.columns().get(i);
            columns.add(new ColumnModel(name, name, ScalarType.LONG, TypeName.LONG, i == table.idIndex(), false,
                    Accessor.direct(name), false));
        }
        return new EntityModel(type, table, columns, List.of(), false, table.columns());
    }

    private static TypeName typeName(ScalarType type) {
        return switch (type) {
            case LONG -> TypeName.LONG;
            case INT -> TypeName.INT;
            case LONG_BOX -> ClassName.get(Long.class);
            case INT_BOX -> ClassName.get(Integer.class);
            case STRING -> ClassName.get(String.class);
            case UUID -> ClassName.get(java.util.UUID.class);
            case OFFSET_DATE_TIME -> ClassName.get(java.time.OffsetDateTime.class);
            default -> throw new IllegalArgumentException("add " + type + " to Models.typeName");
        };
    }
}
