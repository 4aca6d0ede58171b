package dev.loadplan.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A column of an entity's table. {@code field} is null for a foreign key column that only a relationship uses:
 * it is selected so parents can be matched to children, but no field holds it.
 *
 * @param name the column as written in DDL, unquoted
 * @param javaType the field's type, or the key type for a column no field holds
 * @param access how generated code reads and writes the field; null for a column no field holds
 * @param version whether the column is the entity's {@code @Version}
 */
public record ColumnModel(String field, String name, ScalarType type, TypeName javaType, boolean id,
        boolean generated, Accessor access, boolean version) {

    public boolean isMapped() {
        return field != null;
    }
}
