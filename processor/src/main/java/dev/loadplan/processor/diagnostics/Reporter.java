package dev.loadplan.processor.diagnostics;

import java.util.List;
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
 * Warnings go on the element they are about, and generation goes on.
 */
public final class Reporter {

    /** What {@code @SuppressWarnings} names to silence loadplan's warnings. */
    public static final String SUPPRESSED = "loadplan";

    private final Messager messager;
    private int errors;

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    /** Prints {@code reports} in their order: errors on their element and attribute, warnings unless suppressed. */
    public void report(List<Report> reports) {
        for (Report report : reports) {
            if (!report.isError()) {
                warning(report.element(), report.message(), report.arguments().toArray());
            } else {
                error(report.element(), report.annotation(), report.attribute(), report.message(),
                        report.arguments().toArray());
            }
        }
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

    /**
     * Warns on {@code element} with {@code message}, a warning's, unless the element or a class around it says
     * {@code @SuppressWarnings("loadplan")}.
     */
    public void warning(Element element, Message message, Object... arguments) {
        if (message.kind() != Diagnostic.Kind.WARNING) {
            throw new IllegalArgumentException(message + " is not a warning");
        }
        if (!suppressed(element)) {
            messager.printMessage(Diagnostic.Kind.WARNING, message.format(arguments), element);
        }
    }

    private static boolean suppressed(Element element) {
        for (Element around = element; around != null; around = around.getEnclosingElement()) {
            SuppressWarnings suppress = around.getAnnotation(SuppressWarnings.class);
            if (suppress != null && List.of(suppress.value()).contains(SUPPRESSED)) {
                return true;
            }
        }
        return false;
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
