package dev.loadplan.processor.validate;

import com.palantir.javapoet.TypeName;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.ScalarType;
import dev.loadplan.processor.scan.FieldDeclaration;

/** Turns a scalar field into its column: a name as the database has it, a type a column can hold, one field each. */
final class ColumnRules {

    private ColumnRules() {
    }

    /** Adds the field's column to the draft, or reports the first thing that keeps it from being one. */
    static void add(Draft draft, FieldDeclaration field, Reports reports) {
        if (!checkName(draft, field, reports)) {
            return;
        }
        ScalarType type = type(draft, field, reports);
        if (type == null) {
            return;
        }
        ColumnModel existing = draft.column(field.columnName());
        if (existing != null) {
            reports.error(field.element(), field.column(), "value", Message.DUPLICATE_COLUMN, draft.name(),
                    field.name(), field.columnName(), draft.name(), existing.field());
            return;
        }
        // Unless the @Id says, the database assigns numeric keys and the application UUID and text ones.
        boolean generated = field.id() != null
                && (field.idGenerated() != null ? field.idGenerated() : type.generatedByDefault());
        draft.columns.add(new ColumnModel(field.name(), field.columnName(), type, TypeName.get(field.type()),
                field.id() != null, generated, draft.accessors.get(field.name()), field.version() != null));
    }

    private static boolean checkName(Draft draft, FieldDeclaration field, Reports reports) {
        if (field.column() != null && field.columnName().isBlank()) {
            return reports.error(field.element(), field.column(), "value", Message.EMPTY_COLUMN_NAME, draft.name(),
                    field.name());
        }
        String name = field.columnName();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return reports.error(field.element(), field.column(), "value", Message.QUOTED_COLUMN_NAME, draft.name(),
                    field.name(), name, name.substring(1, name.length() - 1).replace("\"\"", "\""));
        }
        return true;
    }

    /** The column type of the field, fit for its {@code @Id} or {@code @Version}; null once reported. */
    private static ScalarType type(Draft draft, FieldDeclaration field, Reports reports) {
        String plain = TypeClassifier.plainInsteadOfOptional(field.type());
        if (plain != null) {
            reports.error(field.element(), Message.COLUMN_OPTIONAL, draft.name(), field.name(), field.type(), plain);
            return null;
        }
        ScalarType type = TypeClassifier.scalar(field.type());
        if (type == null) {
            reports.error(field.element(), Message.UNSUPPORTED_TYPE, draft.name(), field.name(), field.type(),
                    TypeClassifier.insteadOfUnsupported(field.type()), ScalarType.supportedNames());
            return null;
        }
        if (field.id() != null && !type.canBeKey()) {
            reports.error(field.element(), Message.ID_TYPE, draft.name(), field.name(), field.type(),
                    ScalarType.keyNames());
            return null;
        }
        if (field.version() != null && field.id() != null) {
            reports.error(field.element(), Message.VERSION_ON_ID, draft.name(), field.name());
            return null;
        }
        if (field.version() != null && !type.canBeVersion()) {
            reports.error(field.element(), Message.VERSION_TYPE, draft.name(), field.name(), field.type());
            return null;
        }
        return type;
    }
}
