package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.Strategy;
import dev.loadplan.it.paths.ItemLoader;
import dev.loadplan.it.paths.OrderLoader;
import dev.loadplan.it.paths.PathsData;
import dev.loadplan.it.paths.User;
import dev.loadplan.it.paths.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shaping the root query (where, bind, orderBy, limit, offset) selects root entities, never the rows of their
 * collections: a page holds whole users with all their orders, whatever strategy loads the orders, and a filter
 * on a child table chooses users without trimming their children.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/paths.sql")
class RootShapingTest {

    /** An EXISTS filter on the orders table: "users with an order described :d". */
    private static final String HAS_ORDER = "EXISTS (SELECT 1 FROM orders WHERE orders.user_id = users.id "
            + "AND orders.description = :d)";

    @BeforeAll
    static void data(Jdbi jdbi) {
        PathsData.fill(jdbi);
    }

    @ParameterizedTest
    @EnumSource(names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "LAZY", "IMMEDIATE"})
    void aPageHoldsWholeUsersWithAllTheirCollections(Strategy strategy, Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = path(strategy).orderBy("users.id").limit(2).offset(1);

        List<User> users = plan.list(jdbi);
        int atLoad = counter.count();

        // The 2nd and 3rd users, bob and cid, with their 4 orders, 6 order lines over 4 distinct items, and
        // the keywords of those: a limit that counted joined rows would cut bob's or cid's collections.
        assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers().subList(1, 3));
        int expected = switch (strategy) {
            case JOINED, NESTED -> 1;
            case SELECT_IN, SUBQUERY -> 4;
            // 1 for the page, 2 for its users' orders, 4 for those orders' items, 4 for the distinct items'
            // keywords (1000, 1002, 1003, 1001).
            default -> 1 + 2 + 4 + 4;
        };
        assertThat(counter.count()).as("statements of %s: %s", strategy, counter.statements()).isEqualTo(expected);
        assertThat(atLoad).as("statements of %s at load", strategy).isEqualTo(strategy == Strategy.LAZY ? 1 : expected);
    }

    @Test
    void aJoinedPageLimitsTheUsersInASubqueryOfTheirOwn(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withOrdersJoined(OrderLoader.withItemsJoined()).orderBy("users.id")
                .limit(2).offset(1);

        List<User> users = plan.list(jdbi);

        assertThat(PathsData.users(users, 2)).isEqualTo(PathsData.expectedUsers(2).subList(1, 3));
        assertThat(counter.statements()).hasSize(1);
        // The page keeps the caller's order by rank: the order may name columns the page does not select.
        assertThat(counter.statements().get(0)).contains("FROM (SELECT users.id, users.name, row_number() OVER "
                + "(ORDER BY users.id, users.id) AS lp_rank FROM users ORDER BY users.id, users.id LIMIT ? OFFSET ?) "
                + "AS users").contains("ORDER BY users.lp_rank, lp_orders.id, lp_orders__items.id");
    }

    @Test
    void aSubqueryLinkRepeatsTheLimitedRootQuery(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withOrdersSubquery(OrderLoader.withItemsSubquery()).orderBy("users.id")
                .limit(2).offset(1);

        List<User> users = plan.list(jdbi);

        assertThat(PathsData.users(users, 2)).isEqualTo(PathsData.expectedUsers(2).subList(1, 3));
        List<String> statements = counter.statements();
        assertThat(statements).hasSize(3);
        // As the driver gets them: loadplan's paging parameters are positional there.
        assertThat(statements.get(0)).endsWith("LIMIT ? OFFSET ?");
        assertThat(statements.get(1)).contains("LIMIT ? OFFSET ?");
        assertThat(statements.get(2)).contains("LIMIT ? OFFSET ?");
    }

    @Test
    void aPageInAnotherOrder(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withOrdersJoined(OrderLoader.withItemsJoined())
                .orderBy("users.name DESC").limit(2);

        List<User> users = plan.list(jdbi);

        List<Object> all = PathsData.expectedUsers(2);
        assertThat(PathsData.users(users, 2)).isEqualTo(List.of(all.get(4), all.get(3)));
        assertThat(counter.count()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY"})
    void aFilterOnAChildTableKeepsAllTheChildrenOfTheUsersItSelects(Strategy strategy, Jdbi jdbi,
            StatementCounter counter) {
        UserLoader.Plan plan = switch (strategy) {
            case JOINED -> UserLoader.withOrdersJoined();
            case NESTED -> UserLoader.withOrdersNested();
            case SELECT_IN -> UserLoader.withOrdersSelectIn();
            default -> UserLoader.withOrdersSubquery();
        };

        List<User> users = plan.where(HAS_ORDER).bind("d", "c2").list(jdbi);

        // cid has orders c1 and c2: both come back, not only the one that matched.
        assertThat(PathsData.users(users, 1)).isEqualTo(List.of(
                List.of(3L, "cid", List.of(List.of(103L, "c1"), List.of(104L, "c2")))));
        boolean inTheRootStatement = strategy == Strategy.JOINED || strategy == Strategy.NESTED;
        assertThat(counter.count()).isEqualTo(inTheRootStatement ? 1 : 2);
        assertThat(counter.statements()).allSatisfy(sql -> assertThat(sql).doesNotContain("'c2'"));
        // The fragment's "orders" is the table in its own EXISTS; the joined or nested orders are lp_orders.
        if (strategy == Strategy.JOINED) {
            assertThat(counter.statements().get(0))
                    .contains("LEFT OUTER JOIN orders AS lp_orders ON lp_orders.user_id = users.id")
                    .contains("WHERE " + HAS_ORDER.replace(":d", "?"));
        }
        if (strategy == Strategy.NESTED) {
            assertThat(counter.statements().get(0))
                    .contains("FROM orders AS lp_orders").contains("WHERE lp_orders.user_id = users.id)")
                    .contains("WHERE " + HAS_ORDER.replace(":d", "?"));
        }
    }

    @Test
    void aFilterOnAChildTableWithAPage(Jdbi jdbi, StatementCounter counter) {
        // Users with an order whose description starts with a letter: ann, bob and cid (eve's order has none).
        UserLoader.Plan plan = UserLoader.withOrdersJoined(OrderLoader.withItemsJoined())
                .where("EXISTS (SELECT 1 FROM orders WHERE orders.user_id = users.id AND orders.description LIKE :d)")
                .bind("d", "_%").orderBy("users.name DESC").limit(2);

        List<User> users = plan.list(jdbi);

        List<Object> all = PathsData.expectedUsers(2);
        assertThat(PathsData.users(users, 2)).isEqualTo(List.of(all.get(2), all.get(1)));
        assertThat(counter.count()).isEqualTo(1);
    }

    @Test
    void aSimpleFilterBindsItsValueAsAParameter(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withOrdersSubquery().where("users.name LIKE :p").bind("p", "b%");

        List<User> users = plan.list(jdbi);

        assertThat(PathsData.users(users, 1)).isEqualTo(List.of(
                List.of(2L, "bob", List.of(List.of(102L, "b1"), List.of(105L, "b2")))));
        List<String> statements = counter.statements();
        assertThat(statements).hasSize(2);
        // The root statement and the subquery that repeats it both carry the parameter, never the value.
        assertThat(statements.get(0)).contains("WHERE users.name LIKE ?").doesNotContain("b%");
        assertThat(statements.get(1)).contains("users.name LIKE ?").doesNotContain("b%");
    }

    @Test
    void aBoundValueIsNeverSqlText(Jdbi jdbi) {
        List<User> users = UserLoader.withOrdersJoined().where("users.name = :p").bind("p", "x' OR '1' = '1")
                .list(jdbi);

        assertThat(users).isEmpty();
    }

    @Test
    void twoFiltersAndAPage(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withOrdersJoined(OrderLoader.withItemsSelectIn())
                .where("users.id <> :skip").bind("skip", 2L)
                .where("users.name <> :other").bind("other", "eve")
                .orderBy("users.id").limit(2);

        List<User> users = plan.list(jdbi);

        List<Object> all = PathsData.expectedUsers(2);
        assertThat(PathsData.users(users, 2)).isEqualTo(List.of(all.get(0), all.get(2)));
        assertThat(counter.count()).isEqualTo(2);
    }

    @Test
    void findByIdLoadsOneUserWithAllItsCollections(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan =
                UserLoader.withOrdersJoined(OrderLoader.withItemsSubquery(ItemLoader.withKeywordsSelectIn()));

        Optional<User> cid = plan.findById(jdbi, 3);

        assertThat(cid).isPresent();
        assertThat(PathsData.users(List.of(cid.get()), 3)).isEqualTo(PathsData.expectedUsers().subList(2, 3));
        assertThat(counter.count()).isEqualTo(3);
        assertThat(plan.findById(jdbi, 4).map(user -> user.orders().size())).contains(0);
        assertThat(plan.findById(jdbi, 99)).isEmpty();
    }

    private static UserLoader.Plan path(Strategy strategy) {
        return switch (strategy) {
            case JOINED -> UserLoader.withOrdersJoined(OrderLoader.withItemsJoined(ItemLoader.withKeywordsJoined()));
            case NESTED -> UserLoader.withOrdersNested(OrderLoader.withItemsNested(ItemLoader.withKeywordsNested()));
            case SELECT_IN ->
                UserLoader.withOrdersSelectIn(OrderLoader.withItemsSelectIn(ItemLoader.withKeywordsSelectIn()));
            case SUBQUERY ->
                UserLoader.withOrdersSubquery(OrderLoader.withItemsSubquery(ItemLoader.withKeywordsSubquery()));
            case LAZY -> UserLoader.withOrdersLazy(OrderLoader.withItemsLazy(ItemLoader.withKeywordsLazy()));
            case IMMEDIATE ->
                UserLoader.withOrdersImmediate(OrderLoader.withItemsImmediate(ItemLoader.withKeywordsImmediate()));
            default -> throw new IllegalArgumentException(strategy.name());
        };
    }
}
