package dev.loadplan.processor.validate;

import static dev.loadplan.planner.sql.SqlIdentifiers.quoteIfNeeded;

import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.diagnostics.Reports;
import dev.loadplan.processor.diagnostics.Suggestions;
import dev.loadplan.processor.scan.FieldDeclaration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a collection's {@code orderBy}: columns of the target, each optionally followed by ASC or DESC. The reading
 * itself knows only strings, so it is tested as a table of input to terms.
 */
final class OrderByRules {

    private OrderByRules() {
    }

    /**
     * What {@code orderBy} says: its terms, or the first problem (a message and the column at fault) and no terms.
     *
     * @param column the column at fault for {@link Message#ORDER_BY_UNKNOWN_COLUMN}, else null
     */
    record Parsed(List<OrderTerm> terms, Message problem, String column) {
    }

    /** The collection's order on the target table; the target's primary key when none is given. */
    static Parsed parse(String orderBy, String key, List<String> columns) {
        if (orderBy.isEmpty()) {
            return new Parsed(List.of(new OrderTerm(quoteIfNeeded(key), false)), null, null);
        }
        List<OrderTerm> terms = new ArrayList<>();
        for (String part : orderBy.split(",", -1)) {
            String[] words = part.trim().split("\\s+");
            boolean syntaxOk = !words[0].isEmpty() && (words.length == 1 || (words.length == 2
                    && (words[1].equalsIgnoreCase("ASC") || words[1].equalsIgnoreCase("DESC"))));
            if (!syntaxOk) {
                return new Parsed(null, Message.ORDER_BY_SYNTAX, null);
            }
            if (!columns.contains(words[0])) {
                return new Parsed(null, Message.ORDER_BY_UNKNOWN_COLUMN, words[0]);
            }
            terms.add(new OrderTerm(quoteIfNeeded(words[0]), words.length == 2 && words[1].equalsIgnoreCase("DESC")));
        }
        return new Parsed(terms, null, null);
    }

    /** The order of {@code field}, a collection of {@code target}; null once its problem is reported. */
    static List<OrderTerm> orderBy(Draft draft, FieldDeclaration field, Draft target, Reports reports) {
        String orderBy = field.attributes().orderBy();
        Parsed parsed = parse(orderBy, target.id().name(), target.columnNames());
        if (parsed.problem() == Message.ORDER_BY_SYNTAX) {
            reports.error(field.element(), field.relationship(), "orderBy", Message.ORDER_BY_SYNTAX, draft.name(),
                    field.name(), orderBy, target.declaration.table());
        } else if (parsed.problem() == Message.ORDER_BY_UNKNOWN_COLUMN) {
            reports.error(field.element(), field.relationship(), "orderBy", Message.ORDER_BY_UNKNOWN_COLUMN,
                    draft.name(), field.name(), parsed.column(), target.name(), target.declaration.table(),
                    Suggestions.didYouMean(parsed.column(), target.columnNames()),
                    String.join(", ", target.columnNames()));
        }
        return parsed.terms();
    }
}
