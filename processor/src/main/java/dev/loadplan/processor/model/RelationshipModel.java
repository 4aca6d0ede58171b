package dev.loadplan.processor.model;

import com.palantir.javapoet.ClassName;
import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.TableShape;

/**
 * A relationship after validation: what it points at and how its tables join.
 *
 * @param targetTable the target's table as its own statements select it
 * @param access how generated code reads and writes the field
 * @param keyType the type of the values that match parents to children, read the same on both sides
 * @param inverseOf {@code Target.field} this relationship is the inverse side of, or null
 */
public record RelationshipModel(
        String field,
        Accessor access,
        FieldForm form,
        ClassName target,
        RelationshipKind kind,
        RelationShape shape,
        TableShape targetTable,
        ScalarType keyType,
        LoadStrategy declaredStrategy,
        String inverseOf) {

    public boolean isCollection() {
        return shape.many();
    }
}
