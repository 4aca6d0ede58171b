package dev.loadplan.processor.validate;

import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.ScalarType;
import dev.loadplan.processor.scan.FieldDeclaration;
import dev.loadplan.processor.scan.RelationshipAttributes;

/**
 * Selects the foreign keys that only a relationship maps, so rows can be matched to the rows they point at, and
 * checks that a foreign key a field maps too has the type of the key it points at.
 */
final class ForeignKeyColumns {

    private ForeignKeyColumns() {
    }

    /** Adds the foreign key of {@code field}, a relationship field of {@code draft}, when it owns one. */
    static void add(Draft draft, FieldDeclaration field, Draft.Lookup lookup, Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        if (attributes.joinColumn().isEmpty() || !attributes.joinTable().isEmpty()
                || TypeClassifier.isList(field.type())) {
            return;
        }
        Draft target = lookup.of(TypeClassifier.referencedEntity(field.type()));
        if (target == null || target.id() == null) {
            return;
        }
        ScalarType keyType = target.id().type().boxed();
        ColumnModel mapped = draft.column(attributes.joinColumn());
        if (mapped == null) {
            draft.columns.add(new ColumnModel(null, attributes.joinColumn(), keyType,
                    target.id().javaType().box(), false, false, null, false));
        } else if (mapped.type().boxed() != keyType) {
            reports.error(field.element(), field.relationship(), "joinColumn", Message.JOIN_COLUMN_TYPE,
                    draft.name(), field.name(), attributes.joinColumn(), draft.name(), mapped.field(),
                    mapped.javaType(), target.name(), target.id().javaType());
        }
    }
}
