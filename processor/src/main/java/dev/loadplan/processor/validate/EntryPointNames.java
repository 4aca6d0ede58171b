package dev.loadplan.processor.validate;

import com.palantir.javapoet.ClassName;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.model.GeneratedNames;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.scan.FieldDeclaration;
import java.util.List;

/**
 * Checks that a loader's entry points have a name each. The one going down a relationship while keeping its strategy
 * is named for the field alone ({@code withBooks(BookLoader.Plan)}), so a field named as another relationship's entry
 * point ({@code booksLazy} beside {@code books}, whose LAZY entry point is {@code withBooksLazy}) would give the
 * loader two methods of one name, or overloads meaning different things. Reported on that field.
 */
final class EntryPointNames {

    private EntryPointNames() {
    }

    /** Checks the relationships of {@code draft}, each modelled from the field at the same index. */
    static Reports check(Draft draft) {
        Reports reports = new Reports();
        ClassName entity = ClassName.get(draft.declaration.element());
        List<RelationshipModel> relationships = draft.relationships;
        for (int i = 0; i < relationships.size(); i++) {
            RelationshipModel relationship = relationships.get(i);
            String method = GeneratedNames.defaultLinkEntryPoint(relationship);
            for (RelationshipModel other : relationships) {
                String taken = other == relationship ? null : GeneratedNames.entryPointNamed(method, entity, other);
                if (taken != null) {
                    FieldDeclaration field = draft.relationshipFields.get(i);
                    reports.error(field.element(), Message.ENTRY_POINT_NAME_TAKEN, draft.name(), field.name(), method,
                            String.join(".", GeneratedNames.loaderPlan(relationship.target()).simpleNames()),
                            draft.name(), other.field(), taken);
                    break;
                }
            }
        }
        return reports;
    }
}
