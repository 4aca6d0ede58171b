package dev.loadplan.processor.scan;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A field of an entity as declared: its annotations read, nothing checked yet.
 *
 * @param id the {@code @Id} annotation, or null
 * @param column the {@code @Column} annotation, or null
 * @param relationship the {@code @Relationship} annotation, or null
 */
public record FieldDeclaration(
        VariableElement element,
        String name,
        TypeMirror type,
        AnnotationMirror id,
        boolean idGenerated,
        AnnotationMirror column,
        String columnName,
        AnnotationMirror relationship,
        RelationshipAttributes attributes) {

    public boolean isRelationship() {
        return relationship != null;
    }
}
