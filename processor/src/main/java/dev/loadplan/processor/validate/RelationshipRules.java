package dev.loadplan.processor.validate;

import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.scan.EntityScanner;
import dev.loadplan.processor.scan.FieldDeclaration;
import dev.loadplan.processor.scan.RelationshipAttributes;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Turns a relationship field into its {@link RelationshipModel}: checks the field's form (a List, a Ref or the entity,
 * never an Optional), that it points at an entity, that its strategy and attributes fit its form, then hands it to
 * the rules of its mapping: {@link JoinTableRules}, {@link MappedByRules} or {@link JoinColumnRules}.
 */
final class RelationshipRules {

    private RelationshipRules() {
    }

    /**
     * The relationship {@code field} of {@code draft}, or null when it has none: then its problem is reported, or
     * the entity at either end has no usable key, which its own report explains.
     */
    static RelationshipModel model(Draft draft, FieldDeclaration field, Draft.Lookup lookup, Reports reports) {
        boolean many = TypeClassifier.isList(field.type());
        boolean ref = TypeClassifier.isRef(field.type());
        FieldForm form = many ? FieldForm.COLLECTION : ref ? FieldForm.REF : FieldForm.REFERENCE;
        if (optionalRelationship(draft, field, many, ref, reports)) {
            return null;
        }
        String declareAs = TypeClassifier.listInstead(field.type());
        if (declareAs != null) {
            reports.error(field.element(), Message.RELATIONSHIP_COLLECTION_TYPE, draft.name(), field.name(),
                    field.type(), declareAs);
            return null;
        }
        Draft target = target(draft, field, many || ref, lookup, reports);
        if (target == null) {
            return null;
        }
        boolean ok = checkStrategyFits(draft, field, form, target, reports)
                & checkAttributesFit(draft, field, many, reports);
        if (!ok || draft.id() == null || target.id() == null) {
            return null;
        }
        return byMapping(draft, field, target, form, reports);
    }

    /** The draft of the entity {@code field} points at, noted as one {@code draft} depends on; null once reported. */
    private static Draft target(Draft draft, FieldDeclaration field, boolean wrapped, Draft.Lookup lookup,
            Reports reports) {
        TypeMirror targetType = wrapped ? TypeClassifier.elementType(field.type()) : field.type();
        TypeElement targetElement = targetType == null ? null : TypeClassifier.declared(targetType);
        Draft target = lookup.of(targetElement);
        if (target == null && targetElement != null && EntityScanner.isView(targetElement)) {
            TypeElement viewed = EntityScanner.viewedType(targetElement);
            String entity = viewed == null ? "its entity" : viewed.getSimpleName().toString();
            String declareAs = TypeClassifier.isList(field.type()) ? "List<" + entity + ">"
                    : TypeClassifier.isRef(field.type()) ? "Ref<" + entity + ">" : entity;
            reports.error(field.element(), Message.RELATIONSHIP_HOLDS_VIEW, draft.name(), field.name(),
                    targetElement.getSimpleName(), entity, declareAs, targetElement.getSimpleName(), draft.name());
            return null;
        }
        if (target == null) {
            String shown = targetType == null
                    ? "nothing (a raw " + (TypeClassifier.isRef(field.type()) ? "Ref" : "List") + ")"
                    : targetType.toString();
            reports.error(field.element(), Message.RELATIONSHIP_TARGET_NOT_ENTITY, draft.name(), field.name(), shown,
                    shown);
            return null;
        }
        draft.targets.add(Draft.qualifiedName(targetElement));
        return target;
    }

    private static RelationshipModel byMapping(Draft draft, FieldDeclaration field, Draft target, FieldForm form,
            Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        boolean many = form == FieldForm.COLLECTION;
        if (!attributes.joinTable().isEmpty()) {
            return JoinTableRules.manyToMany(draft, field, target, reports);
        }
        if (!attributes.mappedBy().isEmpty()) {
            return MappedByRules.inverse(draft, field, target, form, reports);
        }
        if (many && !attributes.joinColumn().isEmpty()) {
            return JoinColumnRules.oneToMany(draft, field, target, reports);
        }
        if (many) {
            reports.error(field.element(), Message.COLLECTION_NEEDS_MAPPING, draft.name(), field.name(),
                    target.name(), target.name());
            return null;
        }
        if (attributes.joinColumn().isEmpty()) {
            reports.error(field.element(), field.relationship(), null, Message.REFERENCE_NEEDS_MAPPING, draft.name(),
                    field.name(), draft.declaration.table(), target.name());
            return null;
        }
        return JoinColumnRules.reference(draft, field, target, form);
    }

    /**
     * Reports a relationship wrapped in an {@code Optional} anywhere: {@code Optional<Book>} and
     * {@code Ref<Optional<Book>>} are told to be {@code Ref<Book>} or {@code Book}, {@code Optional<List<Book>>}
     * and {@code List<Optional<Book>>} {@code List<Book>}, rather than to annotate {@code Optional} with
     * {@code @Entity}.
     */
    private static boolean optionalRelationship(Draft draft, FieldDeclaration field, boolean many, boolean ref,
            Reports reports) {
        TypeMirror outer = field.type();
        TypeMirror content = TypeClassifier.isOptional(outer) || many || ref ? TypeClassifier.elementType(outer) : null;
        boolean optional = TypeClassifier.isOptional(outer);
        if (!optional && (content == null || !TypeClassifier.isOptional(content))) {
            return false;
        }
        if (!optional) {
            content = TypeClassifier.elementType(content);
        }
        boolean collection = many || (optional && content != null && TypeClassifier.isList(content));
        TypeMirror entity = collection && !many && content != null ? TypeClassifier.elementType(content) : content;
        TypeElement declared = entity == null ? null : TypeClassifier.declared(entity);
        String target = declared == null ? "Target" : declared.getSimpleName().toString();
        if (collection) {
            reports.error(field.element(), Message.RELATIONSHIP_COLLECTION_TYPE, draft.name(), field.name(), outer,
                    "List<" + target + ">");
        } else {
            reports.error(field.element(), Message.RELATIONSHIP_OPTIONAL, draft.name(), field.name(), outer, target,
                    target);
        }
        return true;
    }

    /** A plain reference field reads as null when not loaded: it cannot be declared LAZY or RAISE. */
    private static boolean checkStrategyFits(Draft draft, FieldDeclaration field, FieldForm form, Draft target,
            Reports reports) {
        LoadStrategy strategy = field.attributes().strategy();
        if (field.attributes().strategySet() && !strategy.fits(form.canDefer())) {
            return reports.error(field.element(), field.relationship(), "strategy", Message.DEFERRED_PLAIN_REFERENCE,
                    draft.name(), field.name(), strategy, target.name(), target.name(), target.name());
        }
        return true;
    }

    /** Checks the attributes that do not fit the field's cardinality, reporting all of them. */
    private static boolean checkAttributesFit(Draft draft, FieldDeclaration field, boolean many, Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        boolean ok = true;
        if (!attributes.mappedBy().isEmpty() && !attributes.joinColumn().isEmpty()) {
            ok = reports.error(field.element(), field.relationship(), "mappedBy", Message.MAPPED_BY_WITH_JOIN_COLUMN,
                    draft.name(), field.name());
        }
        if (many && attributes.innerJoin()) {
            ok = reports.error(field.element(), field.relationship(), "innerJoin", Message.INNER_JOIN_ON_COLLECTION,
                    draft.name(), field.name());
        }
        if (!many && !attributes.orderBy().isEmpty()) {
            ok = reports.error(field.element(), field.relationship(), "orderBy", Message.ORDER_BY_ON_REFERENCE,
                    draft.name(), field.name());
        }
        if (!many && !attributes.joinTable().isEmpty()) {
            ok = reports.error(field.element(), field.relationship(), "joinTable", Message.JOIN_TABLE_ON_REFERENCE,
                    draft.name(), field.name());
        }
        return JoinTableRules.checkNames(draft, field, reports) & ok;
    }
}
