package dev.loadplan.processor.diagnostics;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * One problem found, not yet printed: the element at fault, the annotation and attribute at fault when there are
 * ones (so the IDE underlines what to change), and the message with its arguments. Checks return these instead of
 * printing, so whoever runs them decides which to print and which entities they fail.
 *
 * @param annotation null to report on the element alone
 * @param attribute null to report on the whole annotation
 */
public record Report(Element element, AnnotationMirror annotation, String attribute, Message message,
        List<Object> arguments) {

    public Report {
        // An argument may be null (it prints as "null"), which List.copyOf would refuse.
        arguments = Collections.unmodifiableList(Arrays.asList(arguments.toArray()));
    }

    public static Report on(Element element, Message message, Object... arguments) {
        return new Report(element, null, null, message, Arrays.asList(arguments));
    }

    public static Report on(Element element, AnnotationMirror annotation, String attribute, Message message,
            Object... arguments) {
        return new Report(element, annotation, attribute, message, Arrays.asList(arguments));
    }

    public boolean isError() {
        return message.kind() == Diagnostic.Kind.ERROR;
    }

    /** {@return the message's text, its arguments filled in} */
    public String text() {
        return message.format(arguments.toArray());
    }
}
