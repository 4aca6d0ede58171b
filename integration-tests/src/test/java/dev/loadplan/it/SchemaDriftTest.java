package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.loadplan.SchemaCheck;
import dev.loadplan.SchemaDriftException;
import dev.loadplan.SchemaMismatch;
import dev.loadplan.it.shop.AddressLoader;
import dev.loadplan.it.shop.NodeLoader;
import dev.loadplan.it.shop.OrderLoader;
import dev.loadplan.it.shop.PassportLoader;
import dev.loadplan.it.shop.TagLoader;
import dev.loadplan.it.shop.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The schema check compares generated loaders with a live database, without running their statements. */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/shop.sql")
class SchemaDriftTest {

    @Test
    void aMatchingSchemaHasNoMismatchAndNothingRuns(Jdbi jdbi, StatementCounter counter) {
        List<SchemaMismatch> mismatches = jdbi.withHandle(handle -> SchemaCheck.check(handle, UserLoader.SCHEMA,
                OrderLoader.SCHEMA, TagLoader.SCHEMA, PassportLoader.SCHEMA, AddressLoader.SCHEMA, NodeLoader.SCHEMA));

        assertThat(mismatches).isEmpty();
        assertThat(counter.count()).as("statements executed through JDBI").isZero();
        SchemaCheck.verify(jdbi, UserLoader.SCHEMA, OrderLoader.SCHEMA);
    }

    @Test
    void everyDifferenceIsReportedAtOnceNamingEntityFieldAndColumn(Jdbi jdbi) throws Exception {
        String shop = new String(SchemaDriftTest.class.getResourceAsStream("/schema/shop.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        // A drifted copy of the schema of its own, so other tests of this class keep the original.
        jdbi.useHandle(handle -> {
            handle.execute("create schema drifted");
            handle.execute("set search_path to drifted");
            handle.createScript(shop).execute();
            handle.execute("alter table passport rename column number to code");
            handle.execute("alter table \"order\" alter column \"desc\" type integer using null");
            handle.execute("alter table address drop constraint address_pkey cascade");
            handle.execute("alter table address alter column id drop not null");
            handle.execute("drop table order_tag");
        });
        List<SchemaMismatch> mismatches = jdbi.withHandle(handle -> {
            handle.execute("set search_path to drifted");
            return SchemaCheck.check(handle, PassportLoader.SCHEMA, OrderLoader.SCHEMA, AddressLoader.SCHEMA,
                    UserLoader.SCHEMA, TagLoader.SCHEMA);
        });

        // Column by column first; a loader's statements are described once its own columns match, which
        // finds what joins need: the passport column users join, the association table tags join. What runs is
        // checked, declared defaults included: Order.tags is declared JOINED, so every statement that loads
        // User.orders joins order_tag too, and Tag.orders is declared SELECT_IN, so plain() runs its statement.
        assertThat(mismatches).extracting(SchemaMismatch::entity, SchemaMismatch::field, SchemaMismatch::column)
                .containsExactly(
                        tuple("Passport", "number", "passport.number"),
                        tuple("Order", "description", "\"order\".\"desc\""),
                        tuple("Address", "id", "address.id"),
                        tuple("User", null, "UserLoader.ORDERS_JOINED"),
                        tuple("User", null, "UserLoader.ORDERS_NESTED"),
                        tuple("User", null, "UserLoader.ORDERS_SELECT_IN"),
                        tuple("User", null, "UserLoader.ORDERS_SUBQUERY"),
                        tuple("User", null, "UserLoader.ORDERS_PER_PARENT"),
                        tuple("User", null, "UserLoader.PASSPORT_JOINED"),
                        tuple("User", null, "UserLoader.PASSPORT_NESTED"),
                        tuple("User", null, "UserLoader.PASSPORT_SELECT_IN"),
                        tuple("User", null, "UserLoader.PASSPORT_SUBQUERY"),
                        tuple("User", null, "UserLoader.PASSPORT_PER_PARENT"),
                        tuple("Tag", null, "TagLoader.ORDERS_SELECT_IN"),
                        tuple("Tag", null, "TagLoader.ORDERS_JOINED"),
                        tuple("Tag", null, "TagLoader.ORDERS_NESTED"),
                        tuple("Tag", null, "TagLoader.ORDERS_SUBQUERY"),
                        tuple("Tag", null, "TagLoader.ORDERS_PER_PARENT"));
        assertThat(mismatches.get(0).problem()).contains("column passport.number does not exist");
        assertThat(mismatches.get(1).problem())
                .isEqualTo("the column is int4, but the field reads it as String, which needs bpchar or citext or "
                        + "name or text or varchar");
        assertThat(mismatches.get(2).problem()).contains("allows NULL, but the field is a primitive long");
        assertThat(mismatches.get(3).problem()).contains("relation \"order_tag\" does not exist");
        assertThat(mismatches.get(4).problem()).as("Order.tags, JOINED by default, is nested in the nested orders")
                .contains("relation \"order_tag\" does not exist");
        assertThat(mismatches.get(8).problem()).contains("number does not exist");
        assertThat(mismatches.get(9).problem()).contains("number does not exist");
        assertThat(mismatches.get(13).problem()).contains("relation \"order_tag\" does not exist");
    }

    @Test
    void verifyThrowsWithEveryMismatchInItsMessage(Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.execute("alter table tag rename column name to label"));
        try {
            // Every plan of User.orders reads tag.name too: Order.tags is declared JOINED.
            assertThatThrownBy(() -> SchemaCheck.verify(jdbi, TagLoader.SCHEMA, UserLoader.SCHEMA))
                    .isInstanceOf(SchemaDriftException.class)
                    .hasMessageStartingWith("6 schema mismatches:")
                    .hasMessageContaining("Tag.name (tag.name): ERROR: column tag.name does not exist")
                    .hasMessageContaining("User (UserLoader.ORDERS_SELECT_IN): ERROR: column lp_tags.name does not "
                            + "exist");
        } finally {
            jdbi.useHandle(handle -> handle.execute("alter table tag rename column label to name"));
        }
    }
}
