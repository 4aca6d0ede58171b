package dev.loadplan.processor.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.processor.diagnostics.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a collection's orderBy reads, as a table of input to terms or to the problem reported. */
class OrderByRulesTest {

    private static final List<String> COLUMNS = List.of("id", "title", "published_on", "Order");

    private static OrderByRules.Parsed parse(String orderBy) {
        return OrderByRules.parse(orderBy, "id", COLUMNS);
    }

    @Test
    void noOrderByOrdersByTheTargetsKey() {
        assertThat(parse("").terms()).containsExactly(new OrderTerm("id", false));
        assertThat(OrderByRules.parse("", "Order", COLUMNS).terms()).containsExactly(new OrderTerm("\"Order\"", false));
    }

    @Test
    void columnsInTheirOrderEachAscendingUnlessDesc() {
        assertThat(parse("published_on DESC, title").terms()).containsExactly(
                new OrderTerm("published_on", true), new OrderTerm("title", false));
        assertThat(parse("title asc,id desc").terms()).containsExactly(
                new OrderTerm("title", false), new OrderTerm("id", true));
    }

    @Test
    void aColumnThatNeedsQuotesIsQuoted() {
        assertThat(parse("Order").terms()).containsExactly(new OrderTerm("\"Order\"", false));
    }

    @Test
    void malformedOrderByIsASyntaxProblem() {
        for (String orderBy : List.of("title,", ",title", "title DOWN", "title DESC id", " ")) {
            OrderByRules.Parsed parsed = parse(orderBy);
            assertThat(parsed.terms()).as(orderBy).isNull();
            assertThat(parsed.problem()).as(orderBy).isEqualTo(Message.ORDER_BY_SYNTAX);
        }
    }

    @Test
    void anUnmappedColumnIsNamed() {
        OrderByRules.Parsed parsed = parse("title, tilte DESC");
        assertThat(parsed.terms()).isNull();
        assertThat(parsed.problem()).isEqualTo(Message.ORDER_BY_UNKNOWN_COLUMN);
        assertThat(parsed.column()).isEqualTo("tilte");
    }

    @Test
    void columnNamesAreCaseSensitiveAsTheTargetMapsThem() {
        assertThat(parse("TITLE").column()).isEqualTo("TITLE");
    }
}
