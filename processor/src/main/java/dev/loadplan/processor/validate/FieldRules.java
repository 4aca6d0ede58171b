package dev.loadplan.processor.validate;

import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.model.Accessor;
import dev.loadplan.processor.scan.EntityDeclaration;
import dev.loadplan.processor.scan.EntityScanner;
import dev.loadplan.processor.scan.FieldDeclaration;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks an entity's fields: that each mapped one can be reached and assigned, that it is either a column or a
 * relationship, and that there is one {@code @Id} and at most one {@code @Version}. Columns go on to
 * {@link ColumnRules}; relationship fields are kept on the draft for {@link RelationshipRules}, which need every
 * entity's columns first.
 */
final class FieldRules {

    private final Accessors accessors;

    FieldRules(Accessors accessors) {
        this.accessors = accessors;
    }

    Reports check(Draft draft) {
        Reports reports = new Reports();
        // Only in the round: an entity compiled before cannot change, and what it left unmapped stays so.
        if (draft.inRound) {
            checkUnmappable(draft, reports);
            checkHidden(draft, reports);
        }
        for (FieldDeclaration field : draft.declaration.fields()) {
            checkField(draft, field, reports);
        }
        checkKeys(draft, reports);
        return reports;
    }

    private static void checkUnmappable(Draft draft, Reports reports) {
        for (FieldDeclaration field : draft.declaration.unmappable()) {
            String annotations = String.join(" and ", EntityScanner.loadplanAnnotations(field.element()));
            reports.error(field.element(), field.element().getModifiers().contains(Modifier.STATIC)
                    ? Message.STATIC_FIELD_MAPPED : Message.TRANSIENT_FIELD_MAPPED, draft.name(), field.name(),
                    annotations, annotations);
        }
    }

    private static void checkHidden(Draft draft, Reports reports) {
        for (EntityDeclaration.HiddenField hidden : draft.declaration.hidden()) {
            FieldDeclaration below = hidden.below();
            FieldDeclaration above = hidden.above();
            reports.error(below.element(), Message.FIELD_HIDES_INHERITED, below.declaringClass().getSimpleName(),
                    below.name(), above.declaringClass().getSimpleName(), above.name(), draft.name(),
                    above.declaringClass().getSimpleName(), above.name());
        }
    }

    private void checkField(Draft draft, FieldDeclaration field, Reports reports) {
        if (!assignable(draft, field, reports)) {
            return;
        }
        if (!field.isRelationship()) {
            ColumnRules.add(draft, field, reports);
        } else if (field.column() != null) {
            reports.error(field.element(), Message.COLUMN_ON_RELATIONSHIP, draft.name(), field.name(),
                    field.columnName());
        } else if (field.id() != null) {
            reports.error(field.element(), Message.ID_ON_RELATIONSHIP, draft.name(), field.name());
        } else if (field.version() != null) {
            reports.error(field.element(), Message.VERSION_ON_RELATIONSHIP, draft.name(), field.name());
        } else {
            draft.relationshipFields.add(field);
        }
    }

    /**
     * Whether generated code can read and set {@code field} of {@code draft}, an entity's or a view's: directly, or
     * through accessors, which it keeps on the draft; and a class's field is not final. Reports why not.
     */
    boolean assignable(Draft draft, FieldDeclaration field, Reports reports) {
        boolean record = draft.declaration.element().getKind() == ElementKind.RECORD;
        Accessor accessor = record ? new Accessor(field.name(), field.name(), null)
                : accessors.find(draft.declaration.element(), field);
        if (accessor == null) {
            reportUnreachable(draft, field, reports);
            return false;
        }
        draft.accessors.put(field.name(), accessor);
        if (!record && field.element().getModifiers().contains(Modifier.FINAL)) {
            return reports.error(field.element(), Message.FINAL_FIELD, field.declaringClass().getSimpleName(),
                    field.name());
        }
        return true;
    }

    private void reportUnreachable(Draft draft, FieldDeclaration field, Reports reports) {
        TypeElement entity = draft.declaration.element();
        // In the entity's package, only a private field is out of reach, and making it package-private will do.
        if (packageName(field.declaringClass()).equals(packageName(entity))) {
            reports.error(field.element(), Message.PRIVATE_FIELD, field.declaringClass().getSimpleName(),
                    field.name(), Accessors.suggestion(field));
        } else {
            reports.error(field.element(), Message.INHERITED_FIELD_UNREACHABLE, draft.name(), field.name(),
                    field.declaringClass().getQualifiedName(), packageName(entity),
                    accessors.whyUnreachable(entity, field), Accessors.suggestion(field),
                    field.declaringClass().getSimpleName());
        }
    }

    /** Counts every {@code @Id} and {@code @Version} field, even an unusable one, so its own error is the only one. */
    private static void checkKeys(Draft draft, Reports reports) {
        List<FieldDeclaration> ids = draft.declaration.fields().stream().filter(field -> field.id() != null).toList();
        List<FieldDeclaration> versions = draft.declaration.fields().stream()
                .filter(field -> field.version() != null).toList();
        if (ids.isEmpty()) {
            reports.error(draft.declaration.element(), Message.MISSING_ID, draft.name());
        } else if (ids.size() > 1) {
            reports.error(ids.get(1).element(), Message.DUPLICATE_ID, draft.name(),
                    String.join(", ", ids.stream().map(FieldDeclaration::name).toList()));
        }
        if (versions.size() > 1) {
            reports.error(versions.get(1).element(), Message.DUPLICATE_VERSION, draft.name(),
                    String.join(", ", versions.stream().map(FieldDeclaration::name).toList()));
        }
    }

    private static String packageName(TypeElement type) {
        Element enclosing = type;
        while (!(enclosing instanceof PackageElement)) {
            enclosing = enclosing.getEnclosingElement();
        }
        return ((PackageElement) enclosing).getQualifiedName().toString();
    }
}
