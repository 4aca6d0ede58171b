package dev.loadplan.processor.model;

import com.palantir.javapoet.ClassName;
import dev.loadplan.planner.sql.TableShape;
import java.util.List;

/**
 * An entity after validation: everything the planner and the writers need, and nothing of
 * {@code javax.lang.model}, so it can be built by hand in plain unit tests.
 *
 * @param table the table as statements select it; its columns are {@code columns}' names, quoted where needed
 * @param record whether the entity is a record, built once its relationships are gathered
 * @param components a record's components (fields) in declaration order; for a class, its fields
 * @param columns the columns in select order: mapped fields in declaration order, then foreign keys that only a
 *     relationship uses
 * @param viewOf for a {@code @View}, the entity it reads; null for an entity
 */
public record EntityModel(
        ClassName type,
        TableShape table,
        List<ColumnModel> columns,
        List<RelationshipModel> relationships,
        boolean record,
        List<String> components,
        ClassName viewOf) {

    public EntityModel {
        columns = List.copyOf(columns);
        relationships = List.copyOf(relationships);
        components = List.copyOf(components);
    }

    /** An entity's model. */
    public EntityModel(ClassName type, TableShape table, List<ColumnModel> columns,
            List<RelationshipModel> relationships, boolean record, List<String> components) {
        this(type, table, columns, relationships, record, components, null);
    }

    /** Whether this is a {@code @View}'s model: read-only, every relationship always loaded. */
    public boolean isView() {
        return viewOf != null;
    }

    /** A record's component index of {@code field}: the slot its value has until the record is built. */
    public int componentIndex(String field) {
        int index = components.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException(type + " has no component " + field);
        }
        return index;
    }

    public String simpleName() {
        return type.simpleName();
    }

    public int idIndex() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id()) {
                return i;
            }
        }
        throw new IllegalStateException(type + " has no id column");
    }

    public ColumnModel id() {
        return columns.get(idIndex());
    }

    /** The {@code @Version} column, or null when the entity has none. */
    public ColumnModel version() {
        return columns.stream().filter(ColumnModel::version).findFirst().orElse(null);
    }

    public ClassName loaderName() {
        return GeneratedNames.loader(type);
    }

    public ClassName mappingName() {
        return GeneratedNames.mapping(type);
    }

    public ClassName daoName() {
        return GeneratedNames.dao(type);
    }
}
