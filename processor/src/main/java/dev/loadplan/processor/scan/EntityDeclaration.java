package dev.loadplan.processor.scan;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * An {@code @Entity} class as declared: the table (and its schema, empty when none is named) and its instance
 * fields, those of its superclasses first, in declaration order.
 *
 * @param fields the fields that map columns and relationships: neither static nor transient, declared by the entity
 *     or inherited
 * @param unmappable the static and transient fields that carry a loadplan annotation, in declaration order: loadplan
 *     cannot map them, and leaves the others of their kind unmapped
 * @param superclasses the superclasses whose fields the entity maps, from the top
 * @param entitySuperclass the nearest superclass that is itself an {@code @Entity}, or null: loadplan does not map
 *     entity inheritance
 * @param hidden the fields declared below a mapped field of the same name
 */
public record EntityDeclaration(TypeElement element, AnnotationMirror annotation, String table, String schema,
        List<FieldDeclaration> fields, List<FieldDeclaration> unmappable, List<TypeElement> superclasses,
        TypeElement entitySuperclass, List<HiddenField> hidden) {

    /** A field ({@code below}) declared in a class under one that declares a mapped field of the same name. */
    public record HiddenField(FieldDeclaration below, FieldDeclaration above) {
    }

    public String simpleName() {
        return element.getSimpleName().toString();
    }

    public Optional<FieldDeclaration> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }
}
