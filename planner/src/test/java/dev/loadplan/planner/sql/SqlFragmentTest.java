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
            "\"odd;name\" = 1", "a = 1 /* ; */", "a = 1 /* nested /* ; */ still */", "a = 1 -- ;\n", "a$1 = 1",
            "f(a, (b)) > 0", "t = $$12:30$$", "t = $$a::text$$", "path = 'C:\\dir'", "name = E'back\\\\'"})
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

    /** The case: {@code $1} took the plan's own LIMIT value ({@code limit(3)} returned author 3). */
    @Test
    void aPositionalParameterIsRefused() {
        assertThatThrownBy(() -> SqlFragment.check("author.id = $1", "where"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the where fragment \"author.id = $1\" holds the positional parameter $1 at position 12, "
                        + "which would take whatever the statement binds at that place (a key, a LIMIT); name it, "
                        + ":name, and bind(\"name\", value)");
        assertThatThrownBy(() -> SqlFragment.check("SELECT * FROM authors WHERE id = ($12)", "fromSql"))
                .hasMessageContaining("holds the positional parameter $12 at position 34");
    }

    /** A {@code ?} would take the keys loadplan binds at its own: refused as {@code $1} is. */
    @Test
    void aQuestionMarkIsRefused() {
        assertThatThrownBy(() -> SqlFragment.check("authors.id = ?", "where"))
                .hasMessage("the where fragment \"authors.id = ?\" holds a ? at position 13, which JDBI and the driver "
                        + "read as a positional parameter and loadplan would bind with its own keys; name the value, "
                        + ":name, and bind(\"name\", value) (for jsonb's ? operators, write jsonb_exists, "
                        + "jsonb_exists_any or jsonb_exists_all)");
        assertThat(SqlFragment.check("name = '?' AND \"odd?\" = 1 /* ? */", "where")).as("in a literal, an identifier "
                + "or a comment it is text").startsWith("name = '?'");
    }

    /** The case: {@code $$:p$$} passed the check, then failed at run time ({@code Unterminated dollar quote}). */
    @Test
    void aParameterInsideADollarQuoteIsRefused() {
        assertThatThrownBy(() -> SqlFragment.check("name = $$:p$$", "where"))
                .hasMessage("the where fragment \"name = $$:p$$\" holds a :name at position 9 inside the "
                        + "dollar-quoted string $$, where PostgreSQL reads it as text but JDBI's parser as a parameter; "
                        + "bind the value as a parameter outside the quotes, or write the text in '...'");
        assertThatThrownBy(() -> SqlFragment.check("name = $t$why?$t$", "where"))
                .hasMessageContaining("holds a ? at position 13 inside the dollar-quoted string $t$");
    }

    /**
     * The case: with {@code standard_conforming_strings = off} the server reads {@code '\''} as a whole string,
     * so the {@code ;} after it ends the statement, and this fragment dropped a table. It is refused on any server.
     */
    @Test
    void aFragmentThatReadsAnotherWayWithoutStandardConformingStringsIsRefused() {
        String injection = "author.name = '\\'' ; DROP TABLE victim ; SELECT 1 WHERE '\\''";
        assertThatThrownBy(() -> SqlFragment.check(injection, "where"))
                .hasMessage("the where fragment \"" + injection + "\" reads differently on a server with "
                        + "standard_conforming_strings = off, where a backslash in '...' escapes the next character: "
                        + "read that way, it holds a ';' at position 19, which would end the statement loadplan writes "
                        + "around it; pass one condition (or one statement for fromSql), without ';'. Bind the value "
                        + "as a parameter instead, or write E'...' where you mean backslash escapes");
        assertThatThrownBy(() -> SqlFragment.check("name = 'back\\'", "where"))
                .hasMessageContaining("read that way, it opens a string constant at position 7 that it does not "
                        + "close");
        assertThatThrownBy(() -> SqlFragment.check("a = 'x\\' OR :p = '\\y'", "where"))
                .hasMessageContaining("reads differently");
    }
}
