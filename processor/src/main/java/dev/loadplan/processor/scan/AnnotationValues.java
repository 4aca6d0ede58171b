package dev.loadplan.processor.scan;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads loadplan's annotations as the compiler models them, by attribute name: the annotation classes are the
 * runtime's, which the processor does not depend on, so it never holds an instance of one.
 */
final class AnnotationValues {

    private AnnotationValues() {
    }

    /**
     * The value of an annotation's attribute, its default when not written: a {@code String}, a {@code Boolean},
     * or for an enum the constant's {@code VariableElement}, whose {@code toString()} is its name.
     */
    static Object value(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue().getValue();
            }
        }
        for (ExecutableElement method : ElementFilter.methodsIn(mirror.getAnnotationType().asElement()
                .getEnclosedElements())) {
            if (method.getSimpleName().contentEquals(attribute) && method.getDefaultValue() != null) {
                return method.getDefaultValue().getValue();
            }
        }
        throw new IllegalStateException("@" + mirror.getAnnotationType() + " has no attribute " + attribute);
    }

    static String string(AnnotationMirror mirror, String attribute) {
        return (String) value(mirror, attribute);
    }

    static AnnotationMirror mirror(Element element, String name) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(name)) {
                return mirror;
            }
        }
        return null;
    }

    static boolean isSet(AnnotationMirror mirror, String attribute) {
        return mirror != null && mirror.getElementValues().keySet().stream()
                .anyMatch(method -> method.getSimpleName().contentEquals(attribute));
    }
}
