package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.paths.Item;
import dev.loadplan.it.paths.ItemLoader;
import dev.loadplan.it.paths.Order;
import dev.loadplan.it.paths.OrderLoader;
import dev.loadplan.it.paths.PathsData;
import dev.loadplan.it.paths.User;
import dev.loadplan.it.paths.UserLoader;
import dev.loadplan.it.records.RecordAuthor;
import dev.loadplan.it.records.RecordAuthorLoader;
import dev.loadplan.it.records.RecordBook;
import dev.loadplan.it.records.RecordNode;
import dev.loadplan.it.records.RecordNodeLoader;
import dev.loadplan.it.shop.Node;
import dev.loadplan.it.shop.NodeLoader;
import dev.loadplan.it.shop.ShopData;
import dev.loadplan.it.shop.Tag;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code NESTED} on a real PostgreSQL: a link's whole subtree is one correlated {@code json_agg} column of its
 * parent's statement, so a nested path runs no statement of its own, while SELECT_IN, SUBQUERY, IMMEDIATE and LAZY
 * links below it run theirs as anywhere else. Each test checks the graph, against the fixed data or what another
 * strategy loads, and the exact statements that reached the driver.
 *
 * <p>Grouped by schema: each group gets a database of its own.
 */
class NestedLoadingTest {

    /** users -> orders -> items -> keywords of {@link PathsData}: 5 users, 7 orders reached, 4 distinct items. */
    @Nested
    @ExtendWith(EmbeddedPostgresExtension.class)
    @Schema("schema/paths.sql")
    class UsersOrdersItemsKeywords {

        @BeforeAll
        static void data(Jdbi jdbi) {
            PathsData.fill(jdbi);
        }

        @Test
        void threeNestedLevelsAreOneStatement(Jdbi jdbi, StatementCounter counter) {
            UserLoader.Plan plan = allNested();

            List<User> users = plan.list(jdbi);
            List<String> atLoad = counter.statements();

            assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers(3));
            assertThat(atLoad).as("what ran is what the plan says it runs").isEqualTo(plan.sql()).hasSize(1);
            assertThat(occurrences(atLoad.get(0), "json_agg(")).as("one column per level, inside one another")
                    .isEqualTo(3);
            assertThat(counter.count()).as("statements after reading the graph").isEqualTo(1);
        }

        @Test
        void aSelectInBelowANestedLinkBindsTheKeysReadFromTheColumn(Jdbi jdbi, StatementCounter counter) {
            UserLoader.Plan plan = UserLoader.withOrdersNested(OrderLoader.withItemsSelectIn());

            List<User> users = plan.list(jdbi);

            assertThat(PathsData.users(users, 2)).isEqualTo(PathsData.expectedUsers(2));
            // The orders come in the users' statement; their items in one statement of its own, for all 7 orders.
            assertThat(counter.statements()).containsExactly(UserLoader.ORDERS_NESTED, OrderLoader.ITEMS_SELECT_IN)
                    .isEqualTo(plan.sql());
        }

        @Test
        void aSubqueryBelowANestedLinkRepeatsTheRootStatementAndItsPage(Jdbi jdbi, StatementCounter counter) {
            UserLoader.Plan plan = UserLoader.withOrdersNested(OrderLoader.withItemsSubquery()).orderBy("users.id")
                    .limit(2).offset(1);

            List<User> users = plan.list(jdbi);

            assertThat(PathsData.users(users, 2)).isEqualTo(PathsData.expectedUsers(2).subList(1, 3));
            List<String> statements = counter.statements();
            assertThat(statements).hasSize(2);
            assertThat(statements.get(0)).endsWith("LIMIT ? OFFSET ?");
            // The items of the orders of bob and cid alone: the subquery repeats the page of users and joins their
            // orders as the nested column reads them. Without the page it would read every order's items, which the
            // graph would drop unseen.
            assertThat(statements.get(1)).contains("WHERE order_items.order_id IN (SELECT lp_orders.id FROM (SELECT "
                    + "users.id, users.name FROM users ORDER BY users.id, users.id LIMIT ? OFFSET ?) AS users "
                    + "JOIN orders AS lp_orders ON lp_orders.user_id = users.id)");
        }

        @Test
        void anImmediateLinkBelowANestedOneRunsOncePerParentAtLoad(Jdbi jdbi, StatementCounter counter) {
            UserLoader.Plan plan = UserLoader.withOrdersNested(OrderLoader.withItemsImmediate());

            List<User> users = plan.list(jdbi);
            List<String> atLoad = counter.statements();

            assertThat(PathsData.users(users, 2)).isEqualTo(PathsData.expectedUsers(2));
            // The users with their orders, then the items of each of the 7 orders the column held.
            assertThat(atLoad).hasSize(1 + 7).startsWith(UserLoader.ORDERS_NESTED);
            assertThat(Collections.frequency(atLoad, OrderLoader.ITEMS_PER_PARENT)).isEqualTo(7);
            assertThat(counter.count()).as("statements after reading the graph").isEqualTo(atLoad.size());
        }

        @Test
        void aLazyLinkBelowANestedOneLoadsOnFirstRead(Jdbi jdbi, StatementCounter counter) {
            UserLoader.Plan plan = UserLoader.withOrdersNested(OrderLoader.withItemsLazy());

            List<User> users = plan.list(jdbi);
            assertThat(counter.statements()).as("at load").containsExactly(UserLoader.ORDERS_NESTED);

            assertThat(PathsData.users(users, 2)).isEqualTo(PathsData.expectedUsers(2));
            // One statement for each of the 7 orders whose items were read; read again, none.
            assertThat(counter.statements()).hasSize(1 + 7);
            assertThat(Collections.frequency(counter.statements(), OrderLoader.ITEMS_PER_PARENT)).isEqualTo(7);
            assertThat(PathsData.users(users, 2)).as("read again").isEqualTo(PathsData.expectedUsers(2));
            assertThat(counter.count()).isEqualTo(1 + 7);
        }

        @Test
        void aNestedPathInsideASelectInStatement(Jdbi jdbi, StatementCounter counter) {
            UserLoader.Plan plan =
                    UserLoader.withOrdersSelectIn(OrderLoader.withItemsNested(ItemLoader.withKeywordsNested()));

            List<User> users = plan.list(jdbi);

            assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers(3));
            List<String> statements = counter.statements();
            assertThat(statements).isEqualTo(plan.sql()).hasSize(2);
            assertThat(statements.get(0)).isEqualTo(UserLoader.PLAIN);
            // The orders of every user in one statement, their items and keywords nested in its rows.
            assertThat(statements.get(1)).contains("WHERE orders.user_id = ANY(?)");
            assertThat(occurrences(statements.get(1), "json_agg(")).isEqualTo(2);
        }

        @Test
        void aRowReachedThroughTwoNestedColumnsIsOneInstance(Jdbi jdbi) {
            List<User> users = allNested().list(jdbi);

            Order a1 = users.get(0).orders().get(0);
            Order b1 = users.get(1).orders().get(0);
            Order c2 = users.get(2).orders().get(1);
            Item pen = a1.items().get(0);
            Item ink = a1.items().get(1);
            assertThat(b1.items().get(0)).as("item 1000 of orders 100 and 102").isSameAs(pen);
            assertThat(c2.items().get(0)).as("item 1001 of orders 100 and 104").isSameAs(ink);
            assertThat(ink.keywords().get(0)).as("keyword 2 of items 1000 and 1001").isSameAs(pen.keywords().get(0));
        }

        @Test
        void aLinksLimitAndOrderApplyPerParentInsideTheColumn(Jdbi jdbi, StatementCounter counter) {
            ItemLoader.Plan lastItem = ItemLoader.plain().where("items.description <> :d").bind("d", "cup")
                    .orderBy("items.id DESC").limit(1);

            List<User> nested = UserLoader.withOrdersNested(OrderLoader.withItemsNested(lastItem)).list(jdbi);
            int nestedStatements = counter.count();
            List<User> selectIn = UserLoader.withOrdersSelectIn(OrderLoader.withItemsSelectIn(lastItem)).list(jdbi);

            // Each order keeps its item with the highest id that is not a cup: order 103 (only a cup) none.
            assertThat(PathsData.users(nested, 2)).isEqualTo(PathsData.users(selectIn, 2));
            assertThat(PathsData.orders(nested.get(2).orders(), 1)).isEqualTo(List.of(
                    List.of(103L, "c1", List.of()), List.of(104L, "c2", List.of(List.of(1001L, "ink")))));
            assertThat(nestedStatements).isEqualTo(1);
        }

        @Test
        void aJoinedWildcardBelowANestedLinkIsNested(Jdbi jdbi, StatementCounter counter) {
            UserLoader.Plan plan = UserLoader.withOrdersNested(OrderLoader.plain().defaultStrategy(Strategy.JOINED));

            List<User> users = plan.list(jdbi);

            // Items and keywords, JOINED by the wildcard, are nested in the orders' column.
            assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers(3));
            assertThat(counter.statements()).isEqualTo(plan.sql()).hasSize(1);
            assertThat(occurrences(counter.statements().get(0), "json_agg(")).isEqualTo(3);
            assertThat(counter.statements().get(0)).doesNotContain("LEFT OUTER JOIN");
        }

        @Test
        void aJoinedLinkNamedBelowANestedOneIsRefusedWhenThePlanIsBuilt() {
            assertThatThrownBy(() -> UserLoader.withOrdersNested(OrderLoader.withItemsJoined()))
                    .isInstanceOf(LoadPlanException.class)
                    .hasMessage("Order.items cannot be JOINED below a NESTED link, whose column holds rows of one "
                            + "table: load it NESTED, which reads it in the same statement");
        }

        @Test
        void aJoinedLinkInTheStatementOfASelectInBelowANestedOneLoads(Jdbi jdbi, StatementCounter counter) {
            // The select-in of the items is a statement of its own, which can join the keywords.
            UserLoader.Plan plan =
                    UserLoader.withOrdersNested(OrderLoader.withItemsSelectIn(ItemLoader.withKeywordsJoined()));

            List<User> users = plan.list(jdbi);

            assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers(3));
            assertThat(counter.statements()).isEqualTo(plan.sql()).hasSize(2);
            assertThat(counter.statements().get(1)).contains("LEFT OUTER JOIN keywords AS lp_keywords");
        }

        @Test
        void aStreamOfANestedPlanYieldsTheGraphListYieldsInOneStatement(Jdbi jdbi, StatementCounter counter) {
            UserLoader.Plan plan = allNested();

            List<User> streamed = jdbi.withHandle(handle -> {
                counter.reset();
                // Two users a batch: the five users in three batches.
                try (Stream<User> users = plan.stream(handle, 2)) {
                    return users.toList();
                }
            });
            List<String> streaming = counter.statements();

            assertThat(PathsData.users(streamed, 3)).isEqualTo(PathsData.users(plan.list(jdbi), 3))
                    .isEqualTo(PathsData.expectedUsers(3));
            assertThat(streaming).as("no statement per batch: the children are in the roots' rows")
                    .isEqualTo(plan.sql());
        }

        @Test
        void findByIdLoadsOneUsersNestedGraph(Jdbi jdbi, StatementCounter counter) {
            UserLoader.Plan plan = allNested();

            Optional<User> cid = plan.findById(jdbi, 3);

            assertThat(cid).isPresent();
            assertThat(PathsData.users(List.of(cid.get()), 3)).isEqualTo(PathsData.expectedUsers(3).subList(2, 3));
            assertThat(counter.statements()).hasSize(1);
            assertThat(counter.statements().get(0)).contains("WHERE users.id = ?");
            assertThat(plan.findById(jdbi, 4).map(user -> user.orders().size())).as("dan, with no orders")
                    .contains(0);
            assertThat(plan.findById(jdbi, 99)).isEmpty();
        }

        @Test
        void aCallersOwnStatementTakesANestedColumn(Jdbi jdbi, StatementCounter counter) {
            UserLoader.Plan plan = UserLoader.fromSql("SELECT {columns} FROM users WHERE users.id < :below "
                    + "ORDER BY users.id").bind("below", 4L).withOrdersNested(OrderLoader.withItemsNested());

            List<User> users = plan.list(jdbi);

            assertThat(PathsData.users(users, 2)).isEqualTo(PathsData.expectedUsers(2).subList(0, 3));
            assertThat(counter.statements()).hasSize(1);
            assertThat(counter.statements().get(0)).startsWith("SELECT users.id, users.name,")
                    .endsWith("FROM users WHERE users.id < ? ORDER BY users.id");
        }

        private static UserLoader.Plan allNested() {
            return UserLoader.withOrdersNested(OrderLoader.withItemsNested(ItemLoader.withKeywordsNested()));
        }
    }

    /** The shop's self-referential tree root(1) -> a(3) -> a1(4), root -> b(2); lone(5); and its orders' tags. */
    @Nested
    @ExtendWith(EmbeddedPostgresExtension.class)
    @Schema("schema/shop.sql")
    class Shop {

        @BeforeAll
        static void data(Jdbi jdbi) {
            ShopData.fill(jdbi);
        }

        @Test
        void aTreeNestedThreeLevelsDeepIsOneStatement(Jdbi jdbi, StatementCounter counter) {
            NodeLoader.Plan plan = NodeLoader.withChildrenNested().depth(3).where("node.id IN (1, 5)");

            List<Node> roots = plan.list(jdbi);
            List<String> atLoad = counter.statements();

            assertThat(tree(roots)).isEqualTo(List.of("root[a[a1[]], b[]]", "lone[]"))
                    .isEqualTo(tree(NodeLoader.withChildrenRecursive().where("node.parent_id IS NULL").list(jdbi)))
                    .isEqualTo(tree(NodeLoader.withChildrenSelectIn().depth(3).where("node.id IN (1, 5)")
                            .list(jdbi)));
            assertThat(atLoad).isEqualTo(plan.sql()).hasSize(1);
            assertThat(occurrences(atLoad.get(0), "json_agg(")).isEqualTo(3);
        }

        @Test
        void belowTheLastNestedLevelChildrenAreNotLoaded(Jdbi jdbi, StatementCounter counter) {
            List<Node> roots = NodeLoader.withChildrenNested().depth(2).where("node.id = 1").list(jdbi);

            Node a1 = roots.get(0).children().get(0).children().get(0);
            assertThat(a1.name()).isEqualTo("a1");
            assertThatThrownBy(() -> a1.children().size()).isInstanceOf(RelationshipNotLoadedException.class);
            assertThat(counter.count()).isEqualTo(1);
        }

        @Test
        void depthCannotRepeatANamedJoinedLinkIntoANestedColumn(Jdbi jdbi, StatementCounter counter) {
            // Each level below the first is in its parent's nested column, where Node.parent cannot be joined.
            NodeLoader.Plan plan = NodeLoader.withChildrenNested().withParentJoined().depth(2);

            assertThatThrownBy(() -> plan.list(jdbi)).isInstanceOf(LoadPlanException.class)
                    .hasMessage("Node.parent cannot be JOINED below a NESTED link, whose column holds rows of one "
                            + "table: load it NESTED, which reads it in the same statement");
            assertThat(counter.count()).isZero();
        }

        @Test
        void aRecordTreeNestedIsBuiltChildrenFirst(Jdbi jdbi, StatementCounter counter) {
            RecordNodeLoader.Plan plan = RecordNodeLoader.withChildrenNested().depth(3).where("node.id IN (1, 5)");

            List<RecordNode> roots = plan.list(jdbi);

            assertThat(counter.statements()).isEqualTo(plan.sql()).hasSize(1);
            assertThat(recordTree(roots)).isEqualTo(List.of("root[a[a1[]], b[]]", "lone[]")).isEqualTo(recordTree(
                    RecordNodeLoader.withChildrenRecursive().where("node.parent_id IS NULL").list(jdbi)));
        }

        /**
         * Order.tags is declared JOINED: in a nested column, whose rows have no joins, it is nested too. The shop's
         * User and Order are named in full: the paths domain's have the same names.
         */
        @Test
        void aDeclaredJoinedDefaultBelowANestedLinkIsNested(Jdbi jdbi, StatementCounter counter) {
            var users = dev.loadplan.it.shop.UserLoader.withOrdersNested().list(jdbi);
            List<Object> graph = ordersWithTags(users);
            List<String> statements = counter.statements();
            var joined = dev.loadplan.it.shop.UserLoader.withOrdersJoined().list(jdbi);

            assertThat(graph).isEqualTo(ordersWithTags(joined));
            assertThat(graph).isEqualTo(List.of(
                    List.of(List.of(1000L, "first", List.of("gift", "urgent")), List.of(1001L, "second", List.of())),
                    List.of(),
                    List.of(List.of(1002L, "null", List.of("gift")))));
            assertThat(statements).containsExactly(dev.loadplan.it.shop.UserLoader.ORDERS_NESTED);
            assertThat(occurrences(statements.get(0), "json_agg(")).as("the tags nested in each order").isEqualTo(2);
        }

        private static List<Object> ordersWithTags(List<dev.loadplan.it.shop.User> users) {
            List<Object> out = new ArrayList<>();
            for (dev.loadplan.it.shop.User user : users) {
                List<Object> orders = new ArrayList<>();
                for (dev.loadplan.it.shop.Order order : user.orders()) {
                    orders.add(List.of(order.id(), String.valueOf(order.description()),
                            order.tags().stream().map(Tag::name).toList()));
                }
                out.add(orders);
            }
            return out;
        }

        private static List<String> tree(List<Node> nodes) {
            List<String> out = new ArrayList<>();
            for (Node node : nodes) {
                out.add(node.name() + tree(node.children()));
            }
            return out;
        }

        private static List<String> recordTree(List<RecordNode> nodes) {
            List<String> out = new ArrayList<>();
            for (RecordNode node : nodes) {
                out.add(node.name() + recordTree(node.children()));
            }
            return out;
        }
    }

    /** Authors and books of {@link LibraryData#small}, as immutable records. */
    @Nested
    @ExtendWith(EmbeddedPostgresExtension.class)
    @Schema("schema/authors_books.sql")
    class Records {

        @BeforeAll
        static void data(Jdbi jdbi) {
            LibraryData.small(jdbi);
        }

        @Test
        void nestedRecordsAreTheImmutableGraphSelectInBuilds(Jdbi jdbi, StatementCounter counter) {
            List<RecordAuthor> nested = RecordAuthorLoader.withBooksNested().list(jdbi);
            List<String> statements = counter.statements();
            List<RecordAuthor> selectIn = RecordAuthorLoader.withBooksSelectIn().list(jdbi);

            // Records compare by value: every author with the same books, in the same order.
            assertThat(nested).isEqualTo(selectIn);
            assertThat(nested).extracting(author -> author.books().size()).containsExactly(3, 0, 1);
            assertThat(statements).containsExactly(RecordAuthorLoader.BOOKS_NESTED);
            assertThatThrownBy(() -> nested.get(0).books().add(new RecordBook(99, "x", 1L)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
