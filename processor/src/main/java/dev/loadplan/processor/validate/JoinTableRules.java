package dev.loadplan.processor.validate;

import static dev.loadplan.planner.sql.SqlIdentifiers.quoteIfNeeded;

import com.palantir.javapoet.ClassName;
import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.model.FieldForm;
import dev.loadplan.processor.model.RelationshipKind;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.scan.FieldDeclaration;
import dev.loadplan.processor.scan.RelationshipAttributes;
import java.util.ArrayList;
import java.util.List;

/** A many-to-many through a join table: the table's name and schema as the database has them, and both its keys. */
final class JoinTableRules {

    private JoinTableRules() {
    }

    /** Checks the join table attributes on any relationship field, reporting all of them; false when one is wrong. */
    static boolean checkNames(Draft draft, FieldDeclaration field, Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        boolean ok = true;
        String joinTable = attributes.joinTable();
        if (joinTable.contains(".") || joinTable.contains("\"")) {
            ok = reports.error(field.element(), field.relationship(), "joinTable", Message.JOIN_TABLE_QUALIFIED,
                    draft.name(), field.name(), joinTable, insteadOfQualified(joinTable));
        }
        if (attributes.joinTableSchema().contains(".") || attributes.joinTableSchema().contains("\"")) {
            ok = reports.error(field.element(), field.relationship(), "joinTableSchema",
                    Message.JOIN_TABLE_SCHEMA_NOT_A_NAME, draft.name(), field.name(), attributes.joinTableSchema());
        }
        if (joinTable.isEmpty() && !attributes.joinTableSchema().isEmpty()) {
            ok = reports.error(field.element(), field.relationship(), "joinTableSchema",
                    Message.JOIN_TABLE_SCHEMA_WITHOUT_TABLE, draft.name(), field.name());
        }
        if (joinTable.isEmpty() && !attributes.inverseJoinColumn().isEmpty()) {
            ok = reports.error(field.element(), field.relationship(), "inverseJoinColumn",
                    Message.INVERSE_JOIN_COLUMN_WITHOUT_TABLE, draft.name(), field.name());
        }
        return ok;
    }

    /** Quoted as one name, "tracker.issue_labels" would name a table with a dot in it: the attributes to write. */
    private static String insteadOfQualified(String joinTable) {
        String named = joinTable.replace("\"", "");
        int dot = named.indexOf('.');
        return dot < 0 ? "joinTable = \"" + named + "\""
                : "joinTableSchema = \"" + named.substring(0, dot) + "\", joinTable = \"" + named.substring(dot + 1)
                        + "\"";
    }

    /** The many-to-many {@code field} of {@code draft}; null once its problem is reported. */
    static RelationshipModel manyToMany(Draft draft, FieldDeclaration field, Draft target, Reports reports) {
        RelationshipAttributes attributes = field.attributes();
        List<String> missing = new ArrayList<>();
        if (attributes.joinColumn().isEmpty()) {
            missing.add("joinColumn");
        }
        if (attributes.inverseJoinColumn().isEmpty()) {
            missing.add("inverseJoinColumn");
        }
        if (!missing.isEmpty()) {
            reports.error(field.element(), field.relationship(), "joinTable", Message.JOIN_TABLE_INCOMPLETE,
                    draft.name(), field.name(), attributes.joinTable(), String.join(" or ", missing), draft.name(),
                    target.name());
            return null;
        }
        List<OrderTerm> order = OrderByRules.orderBy(draft, field, target, reports);
        if (order == null) {
            return null;
        }
        // The association table lives in the declaring entity's schema unless joinTableSchema names another.
        String schema = attributes.joinTableSchema().isEmpty() ? draft.declaration.schema()
                : attributes.joinTableSchema();
        RelationShape shape = RelationShape.joinTable(field.name(), quoteIfNeeded(draft.id().name()),
                quoteIfNeeded(target.id().name()), schema.isEmpty() ? null : quoteIfNeeded(schema),
                quoteIfNeeded(attributes.joinTable()),
                quoteIfNeeded(attributes.joinColumn()), quoteIfNeeded(attributes.inverseJoinColumn()), order);
        return new RelationshipModel(field.name(), draft.accessors.get(field.name()), FieldForm.COLLECTION,
                ClassName.get(target.declaration.element()), RelationshipKind.MANY_TO_MANY, shape, target.table(),
                draft.id().type().boxed(), attributes.strategy(), null);
    }
}
