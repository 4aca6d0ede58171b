package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.loadplan.LoadPlanException;
import dev.loadplan.Strategy;
import dev.loadplan.it.paths.ItemLoader;
import dev.loadplan.it.paths.OrderLoader;
import dev.loadplan.it.paths.PathsData;
import dev.loadplan.it.paths.RandomPaths;
import dev.loadplan.it.paths.User;
import dev.loadplan.it.paths.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Zen of eager loading as a property: on random data, every combination of the six loading strategies on
 * the path users -> orders -> items -> keywords (6^3 = 216 plans) builds the graph computed independently from
 * the raw tables, for every user and for a filtered page of users. Without LAZY, the statements at load are
 * exactly what the strategies promise: 1 for the root, plus for each link 1 (SELECT_IN, SUBQUERY) or 1 per
 * distinct parent (IMMEDIATE) when it has parents, and none (JOINED, NESTED); with LAZY, the links from the first
 * LAZY one down run nothing at load, and reading the graph loads the rest. A combination naming a link JOINED in
 * a NESTED link's column (right below it, or below more NESTED links) is refused as it is built, naming that link.
 *
 * <p>Plans run on one {@code Handle}, open while each graph is read, so lazy loads reuse its connection.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/paths.sql")
class StrategyCombinationsPropertyTest {

    /**
     * Seeds 1 to 5, and 6 and 10, whose data put one item last under one order and first under the next: the
     * case where an entity's rows meet again under another parent with nothing between them.
     */
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 10};

    private static final List<Strategy> LOADING =
            List.of(Strategy.JOINED, Strategy.NESTED, Strategy.SELECT_IN, Strategy.SUBQUERY, Strategy.LAZY,
                    Strategy.IMMEDIATE);

    /** The relationship each level of a combination loads. */
    private static final List<String> LINKS = List.of("User.orders", "Order.items", "Item.keywords");

    /** The seed whose data the database holds now; the tables are refilled when a test needs another. */
    private static long filledSeed = -1;
    private static RandomPaths.Page page;
    private static List<Object> expectedAll;
    private static List<Object> expectedPage;
    /** One connection for every check: plans run on it, and lazy loads reuse it while the graph is read. */
    private static Handle handle;

    @AfterAll
    static void close() {
        if (handle != null) {
            handle.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyCombinationLoadsEveryUsersGraph(Jdbi jdbi, StatementCounter counter) {
        return perSeed(jdbi, counter, false);
    }

    @TestFactory
    Stream<DynamicNode> everyCombinationLoadsAFilteredPage(Jdbi jdbi, StatementCounter counter) {
        return perSeed(jdbi, counter, true);
    }

    private static Stream<DynamicNode> perSeed(Jdbi jdbi, StatementCounter counter, boolean paged) {
        return LongStream.of(SEEDS).mapToObj(seed -> dynamicContainer("seed " + seed,
                combinations().stream().map(combination -> dynamicTest(name(combination),
                        () -> check(jdbi, counter, seed, combination, paged)))));
    }

    /** Every (orders, items, keywords) triple of loading strategies. */
    private static List<Strategy[]> combinations() {
        List<Strategy[]> combinations = new ArrayList<>();
        for (Strategy orders : LOADING) {
            for (Strategy items : LOADING) {
                for (Strategy keywords : LOADING) {
                    combinations.add(new Strategy[] {orders, items, keywords});
                }
            }
        }
        return combinations;
    }

    private static String name(Strategy[] combination) {
        return "User.orders " + combination[0] + ", Order.items " + combination[1] + ", Item.keywords "
                + combination[2];
    }

    /**
     * The link a nested column would have to join, or null: a JOINED link right below a NESTED one, or below a run
     * of NESTED links. A nested column holds rows of one table, with no joins.
     */
    private static String joinedInANestedColumn(Strategy[] combination) {
        for (int level = 0; level < combination.length; level++) {
            if (combination[level] != Strategy.NESTED) {
                continue;
            }
            int below = level + 1;
            while (below < combination.length && combination[below] == Strategy.NESTED) {
                below++;
            }
            if (below < combination.length && combination[below] == Strategy.JOINED) {
                return LINKS.get(below);
            }
        }
        return null;
    }

    private static void check(Jdbi jdbi, StatementCounter counter, long seed, Strategy[] combination,
            boolean paged) {
        String refused = joinedInANestedColumn(combination);
        if (refused != null) {
            assertThatThrownBy(() -> users(combination[0], orders(combination[1], items(combination[2]))))
                    .as("%s must be refused", name(combination)).isInstanceOf(LoadPlanException.class)
                    .hasMessageStartingWith(refused + " cannot be JOINED below a NESTED link");
            return;
        }
        if (filledSeed != seed) {
            page = RandomPaths.fill(jdbi, seed);
            expectedAll = RandomPaths.expected(jdbi);
            expectedPage = RandomPaths.expected(jdbi, page);
            filledSeed = seed;
        }
        List<Object> expected = paged ? expectedPage : expectedAll;
        UserLoader.Plan plan = users(combination[0], orders(combination[1], items(combination[2])));
        if (paged) {
            plan = plan.where("users.id <> :skip").bind("skip", page.skip()).orderBy("users.name DESC")
                    .offset(page.offset()).limit(page.limit());
        }

        if (handle == null) {
            handle = jdbi.open();
        }
        counter.reset();
        List<User> users = plan.list(handle);
        List<String> atLoad = counter.statements();
        Object graph = PathsData.users(users, 3);
        int afterReading = counter.count();

        assertThat(graph).as("graph of %s; plan:\n%s", name(combination), plan).isEqualTo(expected);
        assertThat(atLoad).as("statements at load of %s", name(combination))
                .hasSize(statementsAtLoad(combination, RandomPaths.parentsPerLevel(expected)));
        if (!List.of(combination).contains(Strategy.LAZY)) {
            assertThat(afterReading).as("statements while reading %s", name(combination)).isEqualTo(atLoad.size());
        }
    }

    /**
     * 1 for the root, then per link down to the first LAZY one: none for JOINED and NESTED, 1 for SELECT_IN and
     * SUBQUERY and 1 per distinct parent for IMMEDIATE, when the link has parents at all (users, orders, distinct
     * items).
     */
    private static int statementsAtLoad(Strategy[] combination, int[] parents) {
        int statements = 1;
        for (int level = 0; level < combination.length; level++) {
            Strategy strategy = combination[level];
            if (strategy == Strategy.LAZY) {
                break;
            }
            statements += switch (strategy) {
                case SELECT_IN, SUBQUERY -> parents[level] > 0 ? 1 : 0;
                case IMMEDIATE -> parents[level];
                default -> 0;
            };
        }
        return statements;
    }

    private static UserLoader.Plan users(Strategy strategy, OrderLoader.Plan orders) {
        return switch (strategy) {
            case JOINED -> UserLoader.withOrdersJoined(orders);
            case NESTED -> UserLoader.withOrdersNested(orders);
            case SELECT_IN -> UserLoader.withOrdersSelectIn(orders);
            case SUBQUERY -> UserLoader.withOrdersSubquery(orders);
            case LAZY -> UserLoader.withOrdersLazy(orders);
            case IMMEDIATE -> UserLoader.withOrdersImmediate(orders);
            default -> throw new IllegalArgumentException(strategy.name());
        };
    }

    private static OrderLoader.Plan orders(Strategy strategy, ItemLoader.Plan items) {
        return switch (strategy) {
            case JOINED -> OrderLoader.withItemsJoined(items);
            case NESTED -> OrderLoader.withItemsNested(items);
            case SELECT_IN -> OrderLoader.withItemsSelectIn(items);
            case SUBQUERY -> OrderLoader.withItemsSubquery(items);
            case LAZY -> OrderLoader.withItemsLazy(items);
            case IMMEDIATE -> OrderLoader.withItemsImmediate(items);
            default -> throw new IllegalArgumentException(strategy.name());
        };
    }

    private static ItemLoader.Plan items(Strategy strategy) {
        return switch (strategy) {
            case JOINED -> ItemLoader.withKeywordsJoined();
            case NESTED -> ItemLoader.withKeywordsNested();
            case SELECT_IN -> ItemLoader.withKeywordsSelectIn();
            case SUBQUERY -> ItemLoader.withKeywordsSubquery();
            case LAZY -> ItemLoader.withKeywordsLazy();
            case IMMEDIATE -> ItemLoader.withKeywordsImmediate();
            default -> throw new IllegalArgumentException(strategy.name());
        };
    }
}
