package dev.loadplan.processor.diagnostics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** The reports of a check, in the order it found them; a check appends to one, its caller reads or prints it. */
public final class Reports implements Iterable<Report> {

    private final List<Report> reports = new ArrayList<>();

    public void add(Report report) {
        reports.add(report);
    }

    public void addAll(Reports others) {
        reports.addAll(others.reports);
    }

    /** Adds an error on {@code element}; returns false, so a check can say {@code ok = error(...)}. */
    public boolean error(Element element, Message message, Object... arguments) {
        add(Report.on(element, message, arguments));
        return false;
    }

    /** Adds an error on {@code attribute} of {@code annotation}, or on the annotation; returns false. */
    public boolean error(Element element, AnnotationMirror annotation, String attribute, Message message,
            Object... arguments) {
        add(Report.on(element, annotation, attribute, message, arguments));
        return false;
    }

    public boolean hasErrors() {
        return reports.stream().anyMatch(Report::isError);
    }

    public boolean isEmpty() {
        return reports.isEmpty();
    }

    public List<Report> list() {
        return List.copyOf(reports);
    }

    @Override
    public Iterator<Report> iterator() {
        return list().iterator();
    }
}
