package dev.loadplan.processor.validate;

import static dev.loadplan.planner.sql.SqlIdentifiers.quoteIfNeeded;

import com.palantir.javapoet.ClassName;
import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.diagnostics.Suggestions;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.RelationshipKind;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.scan.FieldDeclaration;
import java.util.List;

/**
 * A relationship whose foreign key the target owns, named by {@code mappedBy}: one-to-many, or the inverse side of
 * one-to-one. {@code mappedBy} must name the target's relationship that points back and owns a join column.
 */
final class MappedByRules {

    private MappedByRules() {
    }

    /** The inverse relationship {@code field} of {@code draft}; null once its problem is reported. */
    static RelationshipModel inverse(Draft draft, FieldDeclaration field, Draft target, FieldForm form,
            Reports reports) {
        boolean many = form == FieldForm.COLLECTION;
        FieldDeclaration owner = owner(draft, field, target, reports);
        if (owner == null) {
            return null;
        }
        List<OrderTerm> order = many ? OrderByRules.orderBy(draft, field, target, reports) : List.of();
        if (order == null) {
            return null;
        }
        RelationShape shape = RelationShape.foreignKeyInTarget(field.name(), many, quoteIfNeeded(draft.id().name()),
                quoteIfNeeded(owner.attributes().joinColumn()), order);
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), form,
                ClassName.get(target.declaration.element()),
                many ? RelationshipKind.ONE_TO_MANY : RelationshipKind.ONE_TO_ONE_INVERSE, shape, target.table(),
                draft.id().type().boxed(), field.attributes().strategy(), target.name() + '.' + owner.name());
    }

    /** The field of {@code target} that {@code mappedBy} names, if it owns the key; null once reported. */
    private static FieldDeclaration owner(Draft draft, FieldDeclaration field, Draft target, Reports reports) {
        String mappedBy = field.attributes().mappedBy();
        FieldDeclaration named = target.declaration.field(mappedBy).orElse(null);
        if (named != null && !named.isRelationship()) {
            List<String> candidates = relationshipsPointingAt(target, draft);
            reports.error(field.element(), field.relationship(), "mappedBy", Message.MAPPED_BY_COLUMN, draft.name(),
                    field.name(), mappedBy, target.name(), mappedBy, target.name(), draft.name(),
                    candidates.isEmpty() ? "it has none" : String.join(", ", candidates), named.columnName());
            return null;
        }
        if (named == null) {
            List<String> candidates = relationshipsPointingAt(target, draft);
            List<String> all = target.declaration.fields().stream().filter(FieldDeclaration::isRelationship)
                    .map(FieldDeclaration::name).toList();
            reports.error(field.element(), field.relationship(), "mappedBy", Message.UNKNOWN_MAPPED_BY, draft.name(),
                    field.name(), mappedBy, target.name(), Suggestions.didYouMean(mappedBy, all), target.name(),
                    draft.name(), candidates.isEmpty() ? "none" : String.join(", ", candidates));
            return null;
        }
        if (!draft.is(TypeClassifier.referencedEntity(named.type()))) {
            reports.error(field.element(), field.relationship(), "mappedBy", Message.MAPPED_BY_WRONG_TARGET,
                    draft.name(), field.name(), mappedBy, target.name(), mappedBy, named.type(), draft.name());
            return null;
        }
        if (named.attributes().joinColumn().isEmpty() || !named.attributes().joinTable().isEmpty()) {
            reports.error(field.element(), field.relationship(), "mappedBy", Message.MAPPED_BY_NOT_OWNING,
                    draft.name(), field.name(), mappedBy, target.name(), mappedBy);
            return null;
        }
        return named;
    }

    /** The relationships of {@code owner} that point at {@code target}: the candidates for its mappedBy. */
    private static List<String> relationshipsPointingAt(Draft owner, Draft target) {
        return owner.declaration.fields().stream()
                .filter(FieldDeclaration::isRelationship)
                .filter(field -> target.is(TypeClassifier.referencedEntity(field.type())))
                .map(FieldDeclaration::name)
                .toList();
    }
}
