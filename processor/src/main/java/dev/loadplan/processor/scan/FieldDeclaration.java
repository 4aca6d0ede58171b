package dev.loadplan.processor.scan;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A field of an entity as declared: its annotations read, nothing checked yet.
 *
 * @param declaringClass the entity, or the superclass that declares the field
 * @param type the field's type as the entity has it: an inherited field's with its superclass's type arguments
 * @param id the {@code @Id} annotation, or null
 * @param idGenerated {@code @Id(generated = ...)} as written; null when not written, for the key type to decide
 * @param column the {@code @Column} annotation, or null
 * @param version the {@code @Version} annotation, or null
 * @param relationship the {@code @Relationship} annotation, or null
 */
public record FieldDeclaration(
        VariableElement element,
        TypeElement declaringClass,
        String name,
        TypeMirror type,
        AnnotationMirror id,
        Boolean idGenerated,
        AnnotationMirror column,
        String columnName,
        AnnotationMirror relationship,
        RelationshipAttributes attributes,
        AnnotationMirror version) {

    public boolean isRelationship() {
        return relationship != null;
    }

    /** Whether a superclass of {@code entity} declares the field. */
    public boolean isInherited(TypeElement entity) {
        return !declaringClass.equals(entity);
    }
}
