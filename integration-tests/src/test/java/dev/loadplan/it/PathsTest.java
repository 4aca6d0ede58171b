package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoaderPlan;
import dev.loadplan.Strategy;
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
 * Loading along the path users -> orders -> items -> keywords with a strategy per link: every plan builds the
 * graph of {@link PathsData}, and runs exactly the statements its strategies promise. The data has 5 users, 7
 * orders that belong to one of them (order 106 belongs to nobody), and 4 distinct items reached through them.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/paths.sql")
class PathsTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        PathsData.fill(jdbi);
    }

    @Test
    void allLazyByNamedLinksLoadsOneStatementPerParentOnFirstRead(Jdbi jdbi, StatementCounter counter) {
        allLazy(UserLoader.withOrdersLazy(OrderLoader.withItemsLazy(ItemLoader.withKeywordsLazy())), jdbi, counter);
    }

    @Test
    void allLazyByWildcardLoadsOneStatementPerParentOnFirstRead(Jdbi jdbi, StatementCounter counter) {
        allLazy(UserLoader.plain().defaultStrategy(Strategy.LAZY), jdbi, counter);
    }

    private static void allLazy(UserLoader.Plan plan, Jdbi jdbi, StatementCounter counter) {
        List<User> users = plan.list(jdbi);
        assertThat(counter.statements()).containsExactly(UserLoader.PLAIN);

        assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers());

        // 1 for the users; then on first read, one per parent:
        //   5 for the orders of the 5 users (dan's and eve's too: a lazy collection cannot know it is empty),
        //   7 for the items of the 7 orders reached (order 107 has none; order 106 is nobody's, never reached),
        //   4 for the keywords of the 4 distinct items reached (1000-1003): items 1000 and 1001 are reached
        //     through several orders but are one instance each, whose keywords load once.
        // Item 1004 is only reached through order 106, so nothing reads its keywords.
        List<String> statements = counter.statements();
        assertThat(statements).hasSize(1 + 5 + 7 + 4);
        assertThat(Collections.frequency(statements, UserLoader.ORDERS_PER_PARENT)).isEqualTo(5);
        assertThat(Collections.frequency(statements, OrderLoader.ITEMS_PER_PARENT)).isEqualTo(7);
        assertThat(Collections.frequency(statements, ItemLoader.KEYWORDS_PER_PARENT)).isEqualTo(4);

        assertThat(PathsData.users(users, 3)).as("read again").isEqualTo(PathsData.expectedUsers());
        assertThat(counter.count()).as("a lazy collection loads once").isEqualTo(17);
    }

    @Test
    void ordersSelectIn(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withOrdersSelectIn();

        check(jdbi, counter, plan, 1, List.of(UserLoader.PLAIN, UserLoader.ORDERS_SELECT_IN));
    }

    @Test
    void ordersAndItemsSelectIn(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withOrdersSelectIn(OrderLoader.withItemsSelectIn());

        check(jdbi, counter, plan, 2,
                List.of(UserLoader.PLAIN, UserLoader.ORDERS_SELECT_IN, OrderLoader.ITEMS_SELECT_IN));
    }

    @Test
    void ordersJoinedAndItemsSelectIn(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withOrdersJoined(OrderLoader.withItemsSelectIn());

        check(jdbi, counter, plan, 2, List.of(UserLoader.ORDERS_JOINED, OrderLoader.ITEMS_SELECT_IN));
    }

    @Test
    void allThreeSelectIn(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan =
                UserLoader.withOrdersSelectIn(OrderLoader.withItemsSelectIn(ItemLoader.withKeywordsSelectIn()));

        check(jdbi, counter, plan, 3, List.of(UserLoader.PLAIN, UserLoader.ORDERS_SELECT_IN,
                OrderLoader.ITEMS_SELECT_IN, ItemLoader.KEYWORDS_SELECT_IN));
    }

    @Test
    void selectInSelectInJoined(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan =
                UserLoader.withOrdersSelectIn(OrderLoader.withItemsSelectIn(ItemLoader.withKeywordsJoined()));

        List<String> statements = check(jdbi, counter, plan, 3, null);
        assertThat(statements).hasSize(3);
        assertThat(statements.subList(0, 2)).containsExactly(UserLoader.PLAIN, UserLoader.ORDERS_SELECT_IN);
        // The items' statement joins their keywords.
        assertThat(statements.get(2)).startsWith("SELECT order_items.order_id, items.id, items.description")
                .contains("WHERE order_items.order_id = ANY(?)")
                .contains("LEFT OUTER JOIN item_keywords AS lp_keywords__link")
                .contains("LEFT OUTER JOIN keywords AS lp_keywords");
    }

    @Test
    void ordersAndItemsJoinedIsOneStatement(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withOrdersJoined(OrderLoader.withItemsJoined());

        List<String> statements = check(jdbi, counter, plan, 2, null);
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0)).startsWith("SELECT users.id, users.name, lp_orders.id")
                .contains("LEFT OUTER JOIN items AS lp_orders__items");
    }

    @Test
    void allThreeJoinedIsOneStatement(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan =
                UserLoader.withOrdersJoined(OrderLoader.withItemsJoined(ItemLoader.withKeywordsJoined()));

        List<String> statements = check(jdbi, counter, plan, 3, null);
        assertThat(statements).hasSize(1);
        assertThat(plan.warnings()).as("nested collections are no siblings").isEmpty();
    }

    @Test
    void allThreeSubqueryRepeatTheirParentsStatement(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan =
                UserLoader.withOrdersSubquery(OrderLoader.withItemsSubquery(ItemLoader.withKeywordsSubquery()));

        List<String> statements = check(jdbi, counter, plan, 3, null);
        assertThat(statements).hasSize(4);
        assertThat(statements.subList(0, 2)).containsExactly(UserLoader.PLAIN, UserLoader.ORDERS_SUBQUERY);
        // Below the first link, a subquery repeats the whole way down from the users.
        assertThat(statements.get(2)).contains("WHERE order_items.order_id IN (SELECT orders.id FROM orders "
                + "WHERE orders.user_id IN (SELECT users.id FROM users))");
        assertThat(statements.get(3)).contains("WHERE item_keywords.item_id IN (SELECT ")
                .contains("(SELECT users.id FROM users)");
    }

    @Test
    void allThreeImmediateRunOneStatementPerDistinctParentKey(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan =
                UserLoader.withOrdersImmediate(OrderLoader.withItemsImmediate(ItemLoader.withKeywordsImmediate()));

        // 1 for the users, 5 for their orders, 7 for the orders' items, 4 for the distinct items' keywords.
        List<String> statements = check(jdbi, counter, plan, 3, null);
        assertThat(statements).hasSize(1 + 5 + 7 + 4);
    }

    @Test
    void keywordsSelectInInsideLazyLoads(Jdbi jdbi, StatementCounter counter) {
        // Orders and items LAZY, keywords SELECT_IN: each lazy load of an order's items brings its own
        // SELECT_IN of those items' keywords with it.
        UserLoader.Plan plan =
                UserLoader.withOrdersLazy(OrderLoader.withItemsLazy(ItemLoader.withKeywordsSelectIn()));

        List<User> users = plan.list(jdbi);
        assertThat(counter.statements()).containsExactly(UserLoader.PLAIN);

        assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers());
        // Read depth first, user by user: 1 for the users, 5 for the orders of the 5 users, 7 for the items of
        // the 7 orders reached, and a keywords SELECT_IN only after a lazy load that found an item whose
        // keywords are not loaded yet:
        //   order 100: items 1000, 1001 are new           -> 1
        //   order 101: item 1001 was loaded with order 100 -> 0 (one instance per row: its keywords are loaded)
        //   order 102: item 1002 is new (1000 is not)      -> 1 (which finds no keyword)
        //   order 105: item 1002 is loaded                 -> 0
        //   order 103: item 1003 is new                    -> 1
        //   order 104: items 1001, 1003 are loaded         -> 0
        //   order 107: no items                            -> 0
        List<String> statements = counter.statements();
        assertThat(statements).hasSize(1 + 5 + 7 + 3);
        assertThat(Collections.frequency(statements, UserLoader.ORDERS_PER_PARENT)).isEqualTo(5);
        assertThat(Collections.frequency(statements, OrderLoader.ITEMS_PER_PARENT)).isEqualTo(7);
        assertThat(Collections.frequency(statements, ItemLoader.KEYWORDS_SELECT_IN)).isEqualTo(3);
    }

    @Test
    void aSharedRowIsOneInstanceWhateverPathReachesIt(Jdbi jdbi) {
        for (UserLoader.Plan plan : List.of(
                UserLoader.withOrdersSelectIn(OrderLoader.withItemsSelectIn(ItemLoader.withKeywordsSelectIn())),
                UserLoader.withOrdersJoined(OrderLoader.withItemsJoined(ItemLoader.withKeywordsJoined())),
                UserLoader.withOrdersLazy(OrderLoader.withItemsLazy(ItemLoader.withKeywordsLazy())))) {
            List<User> users = plan.list(jdbi);
            Order a1 = users.get(0).orders().get(0);
            Order b1 = users.get(1).orders().get(0);
            Order c2 = users.get(2).orders().get(1);
            Item pen = a1.items().get(0);
            Item ink = a1.items().get(1);

            assertThat(b1.items().get(0)).as("item 1000 of orders 100 and 102").isSameAs(pen);
            assertThat(c2.items().get(0)).as("item 1001 of orders 100 and 104").isSameAs(ink);
            assertThat(ink.keywords().get(0)).as("keyword 2 of items 1000 and 1001")
                    .isSameAs(pen.keywords().get(0));
        }
    }

    /**
     * Loads with {@code plan}, reads the graph {@code depth} levels down, and checks it against
     * {@link PathsData#expectedUsers(int)}, the statements at load (when {@code expectedStatements} is given), and
     * that reading ran none. Returns the statements the load ran.
     */
    private static List<String> check(Jdbi jdbi, StatementCounter counter, LoaderPlan<User, ?> plan, int depth,
            List<String> expectedStatements) {
        counter.reset();
        List<User> users = plan.list(jdbi);
        List<String> atLoad = counter.statements();
        Object graph = PathsData.users(users, depth);

        assertThat(graph).isEqualTo(PathsData.expectedUsers(depth));
        if (expectedStatements != null) {
            assertThat(atLoad).isEqualTo(expectedStatements);
        }
        assertThat(counter.count()).as("statements while reading").isEqualTo(atLoad.size());
        assertThat(plan.sql()).as("the plan's own list of what it runs, each statement once")
                .isEqualTo(atLoad.stream().distinct().toList());
        return atLoad;
    }
}
