package dev.loadplan.processor.scan;

import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import dev.loadplan.planner.sql.SqlIdentifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads {@code @Entity} classes into {@link EntityDeclaration}s. It checks nothing: that is the validator's job,
 * so that every problem is reported in one place, against the declarations read here.
 */
public final class EntityScanner {

    private final Map<String, EntityDeclaration> scanned = new HashMap<>();

    /** The declaration of {@code type}, read once per round, or null when it is not an {@code @Entity}. */
    public EntityDeclaration scan(TypeElement type) {
        String name = type.getQualifiedName().toString();
        EntityDeclaration known = scanned.get(name);
        if (known != null) {
            return known;
        }
        Entity entity = type.getAnnotation(Entity.class);
        if (entity == null) {
            return null;
        }
        String table = entity.table().isEmpty()
                ? SqlIdentifiers.snakeCase(type.getSimpleName().toString())
                : entity.table();
        List<FieldDeclaration> fields = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (field.getModifiers().contains(Modifier.STATIC) || field.getModifiers().contains(Modifier.TRANSIENT)) {
                continue;
            }
            fields.add(field(field));
        }
        EntityDeclaration declaration = new EntityDeclaration(type, mirror(type, Entity.class), table, List.copyOf(fields));
        scanned.put(name, declaration);
        return declaration;
    }

    private static FieldDeclaration field(VariableElement field) {
        String name = field.getSimpleName().toString();
        Id id = field.getAnnotation(Id.class);
        Column column = field.getAnnotation(Column.class);
        Relationship relationship = field.getAnnotation(Relationship.class);
        String columnName = column != null ? column.value() : SqlIdentifiers.snakeCase(name);
        RelationshipAttributes attributes = null;
        AnnotationMirror relationshipMirror = mirror(field, Relationship.class);
        if (relationship != null) {
            attributes = new RelationshipAttributes(relationship.mappedBy().trim(), relationship.joinColumn().trim(),
                    relationship.joinTable().trim(), relationship.inverseJoinColumn().trim(),
                    relationship.orderBy().trim(), relationship.strategy(), isSet(relationshipMirror, "strategy"),
                    relationship.innerJoin());
        }
        return new FieldDeclaration(field, name, field.asType(), mirror(field, Id.class), id != null && id.generated(),
                mirror(field, Column.class), columnName, relationshipMirror, attributes);
    }

    private static AnnotationMirror mirror(Element element, Class<?> annotation) {
        String name = annotation.getCanonicalName();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(name)) {
                return mirror;
            }
        }
        return null;
    }

    private static boolean isSet(AnnotationMirror mirror, String attribute) {
        return mirror != null && mirror.getElementValues().keySet().stream()
                .anyMatch(method -> method.getSimpleName().contentEquals(attribute));
    }

    /** The element's kind as a user says it: "an interface", "an enum", "a record", "an annotation type". */
    public static String kindWithArticle(Element element) {
        String kind = element.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    /** Whether {@code element} is a class or a record, which can carry {@code @Entity}, unlike an interface. */
    public static boolean isClass(Element element) {
        return element.getKind() == ElementKind.CLASS || element.getKind() == ElementKind.RECORD;
    }
}
