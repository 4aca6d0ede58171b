package dev.loadplan.processor.scan;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** An {@code @Entity} class as declared: the table and its instance fields, in declaration order. */
public record EntityDeclaration(TypeElement element, AnnotationMirror annotation, String table,
        List<FieldDeclaration> fields) {

    public String simpleName() {
        return element.getSimpleName().toString();
    }

    public Optional<FieldDeclaration> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }
}
