package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.it.shop.Order;
import dev.loadplan.it.shop.OrderLoader;
import dev.loadplan.it.shop.ShopData;
import dev.loadplan.it.shop.Tag;
import dev.loadplan.it.shop.TagLoader;
import dev.loadplan.it.shop.User;
import dev.loadplan.it.shop.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the strategies that do not simply load promise: RAISE, NO_LOAD, LAZY's reach, declared defaults. */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/shop.sql")
class StrategySemanticsTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        ShopData.fill(jdbi);
    }

    @Test
    void raiseOnACollectionNamesTheRelationshipAndTheMethodsThatLoadIt(Jdbi jdbi) {
        User ann = UserLoader.withOrdersRaise().list(jdbi).get(0);

        assertThatThrownBy(() -> ann.orders().get(0))
                .isInstanceOf(RelationshipNotLoadedException.class)
                .hasMessage("User.orders was not loaded by this plan; load it with UserLoader.withOrdersJoined(), "
                        + "withOrdersNested(), withOrdersSelectIn(), withOrdersSubquery(), withOrdersLazy(), "
                        + "withOrdersImmediate()")
                .extracting(e -> ((RelationshipNotLoadedException) e).relationship()).isEqualTo("User.orders");
    }

    @Test
    void raiseOnAReferenceNamesTheRelationshipAndTheMethodsThatLoadIt(Jdbi jdbi) {
        // Order.user is not declared otherwise, so a plan that does not name it leaves it RAISE.
        Order first = OrderLoader.plain().list(jdbi).get(0);

        assertThat(first.user().isLoaded()).isFalse();
        assertThatThrownBy(() -> first.user().get())
                .isInstanceOf(RelationshipNotLoadedException.class)
                .hasMessage("Order.user was not loaded by this plan; load it with OrderLoader.withUserJoined(), "
                        + "withUserNested(), withUserSelectIn(), withUserSubquery(), withUserLazy(), "
                        + "withUserImmediate()");
    }

    @Test
    void noLoadIssuesNoStatementAndReadsAsEmpty(Jdbi jdbi, StatementCounter counter) {
        List<User> users = UserLoader.withOrdersNoLoad().withPassportNoLoad().list(jdbi);

        assertThat(counter.statements()).containsExactly(UserLoader.PLAIN);
        assertThat(users).allSatisfy(user -> {
            assertThat(user.orders()).isEmpty();
            assertThat(user.passport().isLoaded()).isTrue();
            assertThat(user.passport().get()).isNull();
        });
        assertThat(counter.count()).isEqualTo(1);
    }

    @Test
    void lazyLoadsAfterTheLoadReturnedThroughTheJdbi(Jdbi jdbi, StatementCounter counter) {
        List<User> users = UserLoader.withOrdersLazy().list(jdbi);
        assertThat(counter.count()).isEqualTo(1);

        assertThat(users.get(0).orders()).extracting(Order::id).containsExactly(1000L, 1001L);
        assertThat(counter.count()).isEqualTo(2);
        assertThat(users.get(0).orders()).hasSize(2);
        assertThat(counter.count()).as("a lazy collection loads once").isEqualTo(2);
    }

    @Test
    void lazyLoadsThroughTheCallersHandleWhileItIsOpen(Jdbi jdbi) {
        try (Handle handle = jdbi.open()) {
            List<User> users = UserLoader.withOrdersLazy().list(handle);

            assertThat(users.get(2).orders()).extracting(Order::id).containsExactly(1002L);
        }
    }

    @Test
    void lazyFailsClearlyOnceTheCallersHandleIsClosed(Jdbi jdbi) {
        List<User> users;
        try (Handle handle = jdbi.open()) {
            users = UserLoader.withOrdersLazy().list(handle);
        }

        assertThatThrownBy(() -> users.get(0).orders().size())
                .isInstanceOf(LoadPlanException.class)
                .hasMessageContaining("User.orders is LAZY")
                .hasMessageContaining("which is closed now")
                .hasMessageContaining("list(Jdbi)");
    }

    @Test
    void lazyChildrenJoinTheGraphsIdentityMap(Jdbi jdbi) {
        List<Order> orders = OrderLoader.withUserLazy().list(jdbi);

        assertThat(orders.get(1).user().get()).isSameAs(orders.get(0).user().get());
    }

    @Test
    void anEntityReachedThroughTwoRelationshipsIsOneInstance(Jdbi jdbi) {
        List<User> users = UserLoader.withOrdersSelectIn(OrderLoader.withUserJoined()).list(jdbi);

        User ann = users.get(0);
        assertThat(ann.orders()).allSatisfy(order -> assertThat(order.user().get()).isSameAs(ann));
    }

    @Test
    void aDeclaredDefaultLoadsWhenThePlanDoesNotNameTheRelationship(Jdbi jdbi, StatementCounter counter) {
        // Tag.orders is declared SELECT_IN.
        List<Tag> tags = TagLoader.plain().list(jdbi);

        assertThat(counter.statements()).containsExactly(TagLoader.PLAIN, TagLoader.ORDERS_SELECT_IN);
        assertThat(ShopData.tagOrders(tags)).isEqualTo(List.of(
                List.of("gift", List.of(1000L, 1002L)), List.of("urgent", List.of(1000L)),
                List.of("unused", List.of())));
    }

    @Test
    void declaredDefaultsStopWhereTheyWouldLoadAnEntityAlreadyOnThePath(Jdbi jdbi, StatementCounter counter) {
        // Order.tags is declared JOINED and Tag.orders SELECT_IN: orders -> tags -> orders would never end.
        List<Order> orders = OrderLoader.plain().list(jdbi);

        assertThat(counter.count()).isEqualTo(1);
        assertThat(counter.statements().get(0)).contains("LEFT OUTER JOIN order_tag AS lp_tags__link");
        assertThat(ShopData.orderTags(orders).get(0)).isEqualTo(List.of(1000L, List.of("gift", "urgent")));
        Tag gift = orders.get(0).tags().get(0);
        assertThatThrownBy(() -> gift.orders().size()).isInstanceOf(RelationshipNotLoadedException.class);
    }

    @Test
    void anExplicitLinkWinsOverTheDeclaredDefault(Jdbi jdbi, StatementCounter counter) {
        List<Tag> tags = TagLoader.withOrdersNoLoad().list(jdbi);

        assertThat(counter.statements()).containsExactly(TagLoader.PLAIN);
        assertThat(tags).allSatisfy(tag -> assertThat(tag.orders()).isEmpty());
    }

    @Test
    void innerJoinJoinsAReferenceWithInnerJoin() {
        assertThat(OrderLoader.USER_JOINED).contains("\nJOIN \"user\" AS lp_user ON lp_user.id = \"order\".user_id")
                .doesNotContain("LEFT OUTER JOIN \"user\"");
    }

    @Test
    void twoRelationshipsToOneTableGetAnAliasEach() {
        String sql = OrderLoader.withBillingAddressJoined().withShippingAddressJoined().sql().get(0);

        assertThat(sql).contains("LEFT OUTER JOIN address AS lp_billing_address ON lp_billing_address.id = "
                        + "\"order\".billing_address_id")
                .contains("LEFT OUTER JOIN address AS lp_shipping_address ON lp_shipping_address.id = "
                        + "\"order\".shipping_address_id");
    }

    @Test
    void reservedWordsAreQuoted() {
        assertThat(OrderLoader.PLAIN).startsWith("SELECT \"order\".id, \"order\".\"desc\",")
                .contains("FROM \"order\"");
        assertThat(UserLoader.ORDERS_SELECT_IN).contains("WHERE \"order\".user_id = ANY(?)");
    }
}
