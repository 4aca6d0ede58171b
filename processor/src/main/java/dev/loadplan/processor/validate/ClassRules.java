package dev.loadplan.processor.validate;

import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.scan.EntityScanner;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Checks the entity class or record itself: what it is, the table it names, and whether loaders can create it. */
final class ClassRules {

    private ClassRules() {
    }

    static Reports check(Draft draft) {
        Reports reports = new Reports();
        TypeElement type = draft.declaration.element();
        if (!EntityScanner.isClass(type)) {
            reports.error(type, Message.ENTITY_NOT_A_CLASS, draft.name(), EntityScanner.kindWithArticle(type));
            return reports;
        }
        checkTable(draft, type, reports);
        if (!type.getTypeParameters().isEmpty()) {
            reports.error(type, Message.ENTITY_GENERIC, draft.name(), type.getTypeParameters().stream()
                    .map(parameter -> parameter.getSimpleName().toString())
                    .collect(Collectors.joining(", ", "<", ">")));
        }
        TypeElement entitySuperclass = draft.declaration.entitySuperclass();
        if (entitySuperclass != null) {
            reports.error(type, Message.ENTITY_SUPERCLASS_IS_ENTITY, draft.name(),
                    entitySuperclass.getQualifiedName(), entitySuperclass.getSimpleName(), draft.name());
        }
        checkInstantiable(draft, type, reports);
        return reports;
    }

    private static void checkTable(Draft draft, TypeElement type, Reports reports) {
        String table = draft.declaration.table();
        if (table.contains(".") || table.contains("\"")) {
            // Quoted as one name, "sales.orders" would name a table of that name, with a dot in it.
            String named = table.replace("\"", "");
            int dot = named.indexOf('.');
            String instead = dot < 0 ? "table = \"" + named + "\""
                    : "schema = \"" + named.substring(0, dot) + "\", table = \"" + named.substring(dot + 1) + "\"";
            reports.error(type, Message.ENTITY_TABLE_QUALIFIED, draft.name(), table, instead);
        }
    }

    private static void checkInstantiable(Draft draft, TypeElement type, Reports reports) {
        if (type.getModifiers().contains(Modifier.PRIVATE)) {
            // Its implicit constructor is private too: this is the cause to report, not the constructor.
            reports.error(type, Message.ENTITY_PRIVATE, draft.name());
            return;
        }
        if (type.getKind() == ElementKind.RECORD) {
            // A record is static, concrete, and has its canonical constructor.
            return;
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            reports.error(type, Message.ENTITY_NESTED_NOT_STATIC, draft.name());
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            reports.error(type, Message.ENTITY_ABSTRACT, draft.name());
        }
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        boolean noArguments = constructors.stream().anyMatch(constructor -> constructor.getParameters().isEmpty()
                && !constructor.getModifiers().contains(Modifier.PRIVATE));
        if (!noArguments) {
            reports.error(type, Message.ENTITY_NO_CONSTRUCTOR, draft.name());
        }
    }
}
