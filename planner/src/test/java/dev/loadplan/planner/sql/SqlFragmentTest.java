package dev.loadplan.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlFragmentTest {

    @Test
    void aFragmentEndingInALineCommentEndsTheCommentThere() {
        assertThat(SqlFragment.check("a = 1 -- why", "where")).isEqualTo("a = 1 -- why\n");
        assertThat(SqlFragment.check("a = 1 -- why\nAND b = 2", "where")).isEqualTo("a = 1 -- why\nAND b = 2");
        assertThat(SqlFragment.check("a = '--'", "where")).isEqualTo("a = '--'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name = 'a;b'", "name = E'it\\'s;'", "name = $$;$$", "name = $tag$ ; $tag$",
            "\"odd;name\" = 1", "a = 1 /* ; */", "a = 1 /* nested /* ; */ still */", "a = 1 -- ;\n", "a::text = $1",
            "f(a, (b)) > 0"})
    void whatIsQuotedOrCommentedIsPartOfTheFragment(String fragment) {
        assertThat(SqlFragment.check(fragment, "where")).startsWith(fragment);
    }

    @Test
    void aLinksTableNamedWithOrWithoutItsSchemaPointsAtTheAlias() {
        TableShape orders = new TableShape("orders", java.util.List.of("id", "reference"), 0, "sales");

        assertThat(SqlFragment.requalify("sales.orders.reference = 'x' AND orders.id > 1 AND sales.orders_id = 2",
                orders, "lp_orders")).isEqualTo("lp_orders.reference = 'x' AND lp_orders.id > 1 AND sales.orders_id = 2");
        assertThat(SqlFragment.requalify("'sales.orders.' || orders.reference", orders, "lp_orders"))
                .as("a literal is left as written").isEqualTo("'sales.orders.' || lp_orders.reference");
        assertThat(SqlFragment.requalify("orders.id = 1", new TableShape("orders", java.util.List.of("id"), 0),
                "lp_orders")).isEqualTo("lp_orders.id = 1");
    }

    @Test
    void aSecondStatementIsRefused() {
        assertThatThrownBy(() -> SqlFragment.check("true; drop table books", "where"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the where fragment \"true; drop table books\" holds a ';' at position 4, which would end "
                        + "the statement loadplan writes around it; pass one condition (or one statement for fromSql), "
                        + "without ';'");
    }

    @Test
    void whatWouldSwallowTheRestOfTheStatementIsRefused() {
        assertThatThrownBy(() -> SqlFragment.check("a = 'open", "where")).hasMessageContaining(
                "opens a string constant at position 4 that it does not close");
        assertThatThrownBy(() -> SqlFragment.check("a = 1 /* open", "where")).hasMessageContaining(
                "opens a /* comment at position 6 that it does not close");
        assertThatThrownBy(() -> SqlFragment.check("\"open = 1", "where")).hasMessageContaining(
                "opens a quoted identifier at position 0 that it does not close");
        assertThatThrownBy(() -> SqlFragment.check("a = $q$ open", "where")).hasMessageContaining(
                "opens a dollar-quoted string $q$ at position 4 that it does not close");
    }

    @Test
    void parenthesesBalanceWithinTheFragment() {
        assertThatThrownBy(() -> SqlFragment.check("a) OR (b", "where")).hasMessageContaining(
                "closes a parenthesis at position 1 that it did not open");
        assertThatThrownBy(() -> SqlFragment.check("(a OR b", "orderBy")).hasMessage(
                "the orderBy fragment \"(a OR b\" leaves 1 parenthesis open; close what it opens");
    }

    @Test
    void aBlankFragmentIsRefused() {
        assertThatThrownBy(() -> SqlFragment.check(" ", "where")).hasMessage("where needs a SQL fragment, was blank");
        assertThatThrownBy(() -> SqlFragment.check(null, "orderBy"))
                .hasMessage("orderBy needs a SQL fragment, was null");
    }
}
