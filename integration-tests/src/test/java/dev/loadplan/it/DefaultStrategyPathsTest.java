package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.paths.Address;
import dev.loadplan.it.paths.Item;
import dev.loadplan.it.paths.ItemLoader;
import dev.loadplan.it.paths.Order;
import dev.loadplan.it.paths.OrderLoader;
import dev.loadplan.it.paths.PathsData;
import dev.loadplan.it.paths.User;
import dev.loadplan.it.paths.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code defaultStrategy}, the wildcard for every relationship a plan does not name: it applies at its plan's level
 * and below, down to a sub-plan that sets its own; named links win; an eager wildcard does not follow a
 * relationship back into an entity already on the path (Order.user and Address.user under users), which stays
 * unloaded and raises.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/paths.sql")
class DefaultStrategyPathsTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        PathsData.fill(jdbi);
    }

    @Test
    void aRootWildcardLoadsEveryPathBelowTheRoot(Jdbi jdbi, StatementCounter counter) {
        List<User> users = UserLoader.plain().defaultStrategy(Strategy.SELECT_IN).list(jdbi);

        // One statement per relationship on the way down, none back up.
        assertThat(counter.statements()).containsExactly(UserLoader.PLAIN, UserLoader.ADDRESSES_SELECT_IN,
                UserLoader.ORDERS_SELECT_IN, OrderLoader.ITEMS_SELECT_IN, ItemLoader.KEYWORDS_SELECT_IN);
        assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers());
        assertThat(PathsData.userAddresses(users)).isEqualTo(PathsData.expectedUserAddresses());
        assertThat(counter.count()).isEqualTo(5);

        // The wildcard does not follow Order.user back up, but the orders' user is the one that loaded them: the
        // back-reference holds it, with no statement.
        Order a1 = users.get(0).orders().get(0);
        Address work = users.get(0).addresses().get(0);
        assertThat(a1.user().get()).isSameAs(users.get(0));
        assertThat(work.user().get()).isSameAs(users.get(0));
        assertThat(counter.count()).isEqualTo(5);
    }

    @Test
    void aWildcardFromOrdersFollowsTheirUserButNotBackToOrders(Jdbi jdbi, StatementCounter counter) {
        List<Order> orders = OrderLoader.plain().defaultStrategy(Strategy.SELECT_IN).list(jdbi);

        assertThat(counter.statements()).containsExactlyInAnyOrder(OrderLoader.PLAIN, OrderLoader.USER_SELECT_IN,
                OrderLoader.ITEMS_SELECT_IN, UserLoader.ADDRESSES_SELECT_IN, ItemLoader.KEYWORDS_SELECT_IN);
        assertThat(counter.statements().get(0)).isEqualTo(OrderLoader.PLAIN);
        assertThat(PathsData.map(orders, order -> List.of(order.id(),
                order.user().asOptional().map(user -> user.name() + " " + user.addresses().size()).orElse("none"),
                PathsData.items(order.items(), 1)))).isEqualTo(List.of(
                        List.of(100L, "ann 2", List.of(pen(), ink())),
                        List.of(101L, "ann 2", List.of(ink())),
                        List.of(102L, "bob 2", List.of(pen(), pad())),
                        List.of(103L, "cid 0", List.of(cup())),
                        List.of(104L, "cid 0", List.of(ink(), cup())),
                        List.of(105L, "bob 2", List.of(pad())),
                        List.of(106L, "none", List.of(List.of(1004L, "box", List.of(List.of(1L, "red"))))),
                        List.of(107L, "eve 0", List.of())));
        assertThat(counter.count()).isEqualTo(5);

        User ann = orders.get(0).user().get();
        assertThat(orders.get(1).user().get()).isSameAs(ann);
        assertThatThrownBy(() -> ann.orders().size()).isInstanceOf(RelationshipNotLoadedException.class)
                .hasMessageStartingWith("User.orders was not loaded by this plan");
    }

    @Test
    void aNamedLinkWinsOverTheWildcard(Jdbi jdbi, StatementCounter counter) {
        // Named before and after the wildcard: either way the plan's own links win.
        for (UserLoader.Plan plan : List.of(
                UserLoader.withAddressesNoLoad().withOrdersJoined().defaultStrategy(Strategy.SELECT_IN),
                UserLoader.plain().defaultStrategy(Strategy.SELECT_IN).withAddressesNoLoad().withOrdersJoined())) {
            counter.reset();
            List<User> users = plan.list(jdbi);

            assertThat(counter.statements()).containsExactly(UserLoader.ORDERS_JOINED, OrderLoader.ITEMS_SELECT_IN,
                    ItemLoader.KEYWORDS_SELECT_IN);
            assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers());
            assertThat(users).allSatisfy(user -> assertThat(user.addresses()).isEmpty());
            assertThat(counter.count()).isEqualTo(3);
        }
    }

    @Test
    void aSubPlansWildcardAppliesBelowIt(Jdbi jdbi, StatementCounter counter) {
        // The root's wildcard is NO_LOAD; below the orders, their own plan's wildcard SUBQUERY takes over, for the
        // items and (one level further) their keywords. Order.user stays unloaded: its user is on the path.
        UserLoader.Plan plan = UserLoader.withOrdersSelectIn(OrderLoader.plain().defaultStrategy(Strategy.SUBQUERY))
                .defaultStrategy(Strategy.NO_LOAD);

        List<User> users = plan.list(jdbi);

        List<String> statements = counter.statements();
        assertThat(statements).hasSize(4);
        assertThat(statements.subList(0, 2)).containsExactly(UserLoader.PLAIN, UserLoader.ORDERS_SELECT_IN);
        assertThat(statements.get(2)).contains("WHERE order_items.order_id IN (SELECT orders.id FROM orders WHERE "
                + "orders.user_id = ANY(?))");
        assertThat(statements.get(3)).contains("WHERE item_keywords.item_id IN (SELECT ");
        assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers());
        assertThat(users).allSatisfy(user -> assertThat(user.addresses()).as("the root's NO_LOAD").isEmpty());
        assertThat(counter.count()).isEqualTo(4);

        Order a1 = users.get(0).orders().get(0);
        assertThat(a1.user().get()).as("the back-reference, whatever the wildcard").isSameAs(users.get(0));
    }

    @Test
    void aLazyRootWildcardWithAnEagerSubPlan(Jdbi jdbi, StatementCounter counter) {
        // The root's wildcard is LAZY; below the orders, their own plan's wildcard SELECT_IN takes over.
        UserLoader.Plan plan = UserLoader.withOrdersSelectIn(OrderLoader.plain().defaultStrategy(Strategy.SELECT_IN))
                .defaultStrategy(Strategy.LAZY);

        List<User> users = plan.list(jdbi);

        assertThat(counter.statements()).containsExactly(UserLoader.PLAIN, UserLoader.ORDERS_SELECT_IN,
                OrderLoader.ITEMS_SELECT_IN, ItemLoader.KEYWORDS_SELECT_IN);
        assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers());
        assertThat(counter.count()).as("orders, items and keywords loaded with the users").isEqualTo(4);

        // The addresses fall under the root's LAZY: one statement per user, on first read.
        assertThat(PathsData.userAddresses(users)).isEqualTo(PathsData.expectedUserAddresses());
        assertThat(counter.count()).isEqualTo(4 + 5);
        assertThat(Collections.frequency(counter.statements(), UserLoader.ADDRESSES_PER_PARENT)).isEqualTo(5);

        Order a1 = users.get(0).orders().get(0);
        assertThat(a1.user().get()).as("the back-reference: the user on the path").isSameAs(users.get(0));
        assertThat(counter.count()).isEqualTo(4 + 5);
    }

    @Test
    void aSubPlansWildcardOverridesTheRootsBelowIt(Jdbi jdbi, StatementCounter counter) {
        // Root wildcard SELECT_IN, but the orders' plan says RAISE for what it does not name: its items are named
        // (SELECT_IN), their keywords are not, so they raise.
        UserLoader.Plan plan = UserLoader.withOrdersSelectIn(
                OrderLoader.withItemsSelectIn().defaultStrategy(Strategy.RAISE)).defaultStrategy(Strategy.SELECT_IN);

        List<User> users = plan.list(jdbi);

        assertThat(counter.statements()).containsExactly(UserLoader.PLAIN, UserLoader.ADDRESSES_SELECT_IN,
                UserLoader.ORDERS_SELECT_IN, OrderLoader.ITEMS_SELECT_IN);
        assertThat(PathsData.users(users, 2)).isEqualTo(PathsData.expectedUsers(2));
        assertThat(PathsData.userAddresses(users)).isEqualTo(PathsData.expectedUserAddresses());
        Item pen = users.get(0).orders().get(0).items().get(0);
        assertThatThrownBy(() -> pen.keywords().size()).isInstanceOf(RelationshipNotLoadedException.class)
                .hasMessageStartingWith("Item.keywords was not loaded by this plan");
        assertThat(counter.count()).isEqualTo(4);
    }

    @Test
    void aNoLoadWildcardLeavesEverythingUnnamedEmpty(Jdbi jdbi, StatementCounter counter) {
        List<User> users = UserLoader.withOrdersSelectIn().defaultStrategy(Strategy.NO_LOAD).list(jdbi);

        assertThat(counter.statements()).containsExactly(UserLoader.PLAIN, UserLoader.ORDERS_SELECT_IN);
        assertThat(PathsData.users(users, 2)).isEqualTo(
                PathsData.prune(PathsData.expectedUsers(1), 1).stream().map(user -> emptyItems(user)).toList());
        assertThat(users).allSatisfy(user -> assertThat(user.addresses()).isEmpty());
        // A back-reference costs no statement: the orders hold the user that loaded them, NO_LOAD or not.
        assertThat(users.get(0).orders().get(0).user().get()).isSameAs(users.get(0));
        assertThat(counter.count()).isEqualTo(2);
    }

    /** A user node {@code [id, name, orders]} whose orders each hold an empty item list. */
    @SuppressWarnings("unchecked")
    private static Object emptyItems(Object user) {
        List<Object> values = (List<Object>) user;
        return List.of(values.get(0), values.get(1), PathsData.map((List<Object>) values.get(2), order -> {
            List<Object> orderValues = (List<Object>) order;
            return List.of(orderValues.get(0), orderValues.get(1), List.of());
        }));
    }

    private static List<Object> pen() {
        return List.of(1000L, "pen", List.of(List.of(2L, "blue"), List.of(3L, "cheap"), List.of(1L, "red")));
    }

    private static List<Object> ink() {
        return List.of(1001L, "ink", List.of(List.of(2L, "blue"), List.of(5L, "blue")));
    }

    private static List<Object> pad() {
        return List.of(1002L, "pad", List.of());
    }

    private static List<Object> cup() {
        return List.of(1003L, "cup", List.of(List.of(3L, "cheap")));
    }
}
