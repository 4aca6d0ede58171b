package dev.loadplan.processor.scan;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * An {@code @Entity} class as declared: the table (and its schema, empty when none is named) and its instance
 * fields, in declaration order.
 *
 * @param fields the fields that map columns and relationships: neither static nor transient
 * @param unmappable the static and transient fields that carry a loadplan annotation, in declaration order: loadplan
 *     cannot map them, and leaves the others of their kind unmapped
 */
public record EntityDeclaration(TypeElement element, AnnotationMirror annotation, String table, String schema,
        List<FieldDeclaration> fields, List<FieldDeclaration> unmappable) {

    public String simpleName() {
        return element.getSimpleName().toString();
    }

    public Optional<FieldDeclaration> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }
}
