package dev.loadplan.processor.validate;

import static dev.loadplan.planner.sql.SqlIdentifiers.quoteIfNeeded;

import com.palantir.javapoet.ClassName;
import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.RelationshipKind;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.scan.FieldDeclaration;
import dev.loadplan.processor.scan.RelationshipAttributes;
import java.util.List;

/**
 * Relationships that name their foreign key with {@code joinColumn}: a reference whose key is in the declaring
 * table (many-to-one, or the owning side of one-to-one), or a collection whose key is in the target's table.
 */
final class JoinColumnRules {

    private JoinColumnRules() {
    }

    /** A reference whose foreign key is in the declaring entity's table; its column was added before. */
    static RelationshipModel reference(Draft draft, FieldDeclaration field, Draft target, FieldForm form) {
        RelationshipAttributes attributes = field.attributes();
        RelationShape shape = RelationShape.foreignKeyInSource(field.name(), quoteIfNeeded(attributes.joinColumn()),
                quoteIfNeeded(target.id().name()), attributes.innerJoin());
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), form,
                ClassName.get(target.declaration.element()),
                ownsOneToOne(draft, field, target) ? RelationshipKind.ONE_TO_ONE_OWNER : RelationshipKind.MANY_TO_ONE,
                shape, target.table(), target.id().type().boxed(), attributes.strategy(), null);
    }

    /** One-to-one when the target has a relationship back at {@code draft} whose mappedBy names {@code field}. */
    private static boolean ownsOneToOne(Draft draft, FieldDeclaration field, Draft target) {
        return target.declaration.fields().stream().anyMatch(other -> other.isRelationship()
                && other.attributes().mappedBy().equals(field.name())
                && draft.is(TypeClassifier.referencedEntity(other.type())));
    }

    /**
     * A one-to-many that names the target's foreign key itself, with no field on the target pointing back: the
     * target must map the column, so its rows can be matched to their parents. Null once its problem is reported.
     */
    static RelationshipModel oneToMany(Draft draft, FieldDeclaration field, Draft target, Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        ColumnModel foreignKey = target.column(attributes.joinColumn());
        if (foreignKey == null || foreignKey.type().boxed() != draft.id().type().boxed()) {
            reports.error(field.element(), field.relationship(), "joinColumn", Message.JOIN_COLUMN_NOT_MAPPED,
                    draft.name(), field.name(), target.declaration.table(), attributes.joinColumn(), target.name(),
                    attributes.joinColumn(), draft.id().type().boxed().javaName().replace("java.lang.", ""),
                    target.name());
            return null;
        }
        List<OrderTerm> order = OrderByRules.orderBy(draft, field, target, reports);
        if (order == null) {
            return null;
        }
        RelationShape shape = RelationShape.foreignKeyInTarget(field.name(), true, quoteIfNeeded(draft.id().name()),
                quoteIfNeeded(attributes.joinColumn()), order);
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), FieldForm.COLLECTION,
                ClassName.get(target.declaration.element()), RelationshipKind.ONE_TO_MANY, shape, target.table(),
                draft.id().type().boxed(), attributes.strategy(), null);
    }
}
