package dev.loadplan.processor.validate;

import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reporter;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.scan.FieldDeclaration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds records that hold one another. A record is built after everything it holds, so records whose
 * relationships lead back to themselves through two or more relationships could never be built: Author.books
 * and Book.author, or Node.parent and Node.children. One self-reference (a record tree, Node.children) is fine.
 */
final class RecordCycles {

    /** An entity as the check sees it; {@code fail} marks it failed. */
    record Node(String name, String qualifiedName, boolean record, List<RelationshipModel> relationships,
            List<FieldDeclaration> fields, Runnable fail) {
    }

    private record Edge(Node from, RelationshipModel relationship, String to) {

        String describe() {
            return from.name() + "." + relationship.field();
        }
    }

    private final Reporter reporter;

    RecordCycles(Reporter reporter) {
        this.reporter = reporter;
    }

    void check(List<Node> nodes) {
        Map<String, Node> records = new TreeMap<>();
        for (Node node : nodes) {
            if (node.record()) {
                records.put(node.qualifiedName(), node);
            }
        }
        Set<Set<String>> reported = new HashSet<>();
        for (Node start : records.values()) {
            search(start, start, new ArrayList<>(), records, reported);
        }
    }

    private void search(Node start, Node at, List<Edge> path, Map<String, Node> records, Set<Set<String>> reported) {
        for (RelationshipModel relationship : at.relationships()) {
            String to = relationship.target().canonicalName();
            Node next = records.get(to);
            if (next == null || path.stream().anyMatch(edge -> edge.relationship() == relationship)) {
                continue;
            }
            List<Edge> extended = new ArrayList<>(path);
            extended.add(new Edge(at, relationship, to));
            if (next == start && extended.size() >= 2) {
                report(extended, reported);
            } else if (next != start && extended.size() < records.size() * 2) {
                search(start, next, extended, records, reported);
            } else if (next == start) {
                // One self-reference alone is a tree of records; a second relationship may close a cycle.
                search(start, next, extended, records, reported);
            }
        }
    }

    private void report(List<Edge> cycle, Set<Set<String>> reported) {
        Set<String> key = new HashSet<>();
        List<String> names = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        for (Edge edge : cycle) {
            key.add(edge.describe());
            names.add(edge.describe());
            if (!entities.contains(edge.from().name())) {
                entities.add(edge.from().name());
            }
        }
        if (!reported.add(key)) {
            return;
        }
        Edge first = cycle.get(0);
        FieldDeclaration field = first.from().fields().stream()
                .filter(candidate -> candidate.name().equals(first.relationship().field())).findFirst().orElseThrow();
        for (Edge edge : cycle) {
            edge.from().fail().run();
        }
        reporter.error(field.element(), field.relationship(), null, Message.RECORD_CYCLE,
                String.join(" and ", entities), String.join(" -> ", names) + " -> " + first.from().name());
    }
}
