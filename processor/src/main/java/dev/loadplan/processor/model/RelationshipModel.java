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
 * @param alwaysLoaded whether every plan loads it, as a view's relationships are
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
        String inverseOf,
        boolean alwaysLoaded) {

    /** An entity's relationship, loaded as plans say. */
    public RelationshipModel(String field, Accessor access, FieldForm form, ClassName target, RelationshipKind kind,
            RelationShape shape, TableShape targetTable, ScalarType keyType, LoadStrategy declaredStrategy,
            String inverseOf) {
        this(field, access, form, target, kind, shape, targetTable, keyType, declaredStrategy, inverseOf, false);
    }

    /**
     * Whether a plan can load it with {@code strategy}: what the strategy leaves in the field, the field can hold; a
     * view's is loaded by every plan, on read only when its field is a {@code Ref}.
     */
    public boolean fits(LoadStrategy strategy) {
        return alwaysLoaded ? strategy.keepsLoaded(form == FieldForm.REF) : strategy.fits(form.canDefer());
    }

    public boolean isCollection() {
        return shape.many();
    }
}
