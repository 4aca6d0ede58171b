package dev.loadplan.processor.diagnostics;

import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * Reports errors on the element at fault, and on the annotation attribute at fault where there is one, so the
 * IDE underlines what the user has to change. Counts them so the processor generates nothing for a bad entity.
 */
public final class Reporter {

    private final Messager messager;
    private int errors;

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    public void error(Element element, Message message, Object... arguments) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(arguments), element);
    }

    /** Reports on {@code attribute} of {@code annotation} when the user wrote it, else on the annotation. */
    public void error(Element element, AnnotationMirror annotation, String attribute, Message message,
            Object... arguments) {
        errors++;
        AnnotationValue value = annotation == null || attribute == null ? null : valueOf(annotation, attribute);
        if (value != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message.format(arguments), element, annotation, value);
        } else if (annotation != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message.format(arguments), element, annotation);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, message.format(arguments), element);
        }
    }

    public int errorCount() {
        return errors;
    }

    private static AnnotationValue valueOf(AnnotationMirror annotation, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
