package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.Strategy;
import dev.loadplan.it.paths.ItemLoader;
import dev.loadplan.it.paths.OrderLoader;
import dev.loadplan.it.paths.PathsData;
import dev.loadplan.it.paths.User;
import dev.loadplan.it.paths.UserLoader;
import dev.loadplan.it.support.DatabaseUrl;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import dev.loadplan.it.support.WireRoundTrips;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Round trips on the wire, counted by a proxy between the driver and PostgreSQL ({@link WireRoundTrips}): a plan
 * costs one per level of keys it waits for, its transaction's BEGIN, isolation and COMMIT included, while the
 * statements it runs, as JDBI and the driver count them, stay what its constants say. users -> orders -> items ->
 * keywords beside users -> addresses: SELECT_IN waits for the users' keys, then the orders', then the items' (4 round
 * trips, addresses sharing the orders'); SUBQUERY, JOINED and NESTED wait for none (1).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/paths.sql")
class RoundTripsTest {

    private static WireRoundTrips wire;
    private static Jdbi proxied;
    private Handle handle;

    @BeforeAll
    static void proxy(Jdbi jdbi) {
        PathsData.fill(jdbi);
        URI database = URI.create(DatabaseUrl.of(jdbi).substring("jdbc:".length()));
        wire = new WireRoundTrips(database.getHost(), database.getPort());
        proxied = Jdbi.create("jdbc:postgresql://localhost:" + wire.port() + database.getPath(), "postgres", "");
    }

    @AfterAll
    static void close() throws Exception {
        wire.close();
    }

    @BeforeEach
    void open() {
        handle = proxied.open();
        // The first load asks the connection once whether it is pooled: not part of any plan's round trips.
        UserLoader.plain().list(handle);
    }

    @AfterEach
    void closeHandle() {
        handle.close();
    }

    private static UserLoader.Plan everything(Strategy strategy) {
        return switch (strategy) {
            case SELECT_IN -> UserLoader.withOrdersSelectIn(OrderLoader.withItemsSelectIn(
                    ItemLoader.withKeywordsSelectIn())).withAddressesSelectIn();
            case SUBQUERY -> UserLoader.withOrdersSubquery(OrderLoader.withItemsSubquery(
                    ItemLoader.withKeywordsSubquery())).withAddressesSubquery();
            case JOINED -> UserLoader.withOrdersJoined(OrderLoader.withItemsJoined(
                    ItemLoader.withKeywordsJoined())).withAddressesJoined();
            case NESTED -> UserLoader.withOrdersNested(OrderLoader.withItemsNested(
                    ItemLoader.withKeywordsNested())).withAddressesNested();
            case IMMEDIATE -> UserLoader.withOrdersImmediate(OrderLoader.withItemsImmediate(
                    ItemLoader.withKeywordsImmediate())).withAddressesImmediate();
            default -> throw new IllegalArgumentException(strategy.toString());
        };
    }

    /** What {@code load} loads on the proxied handle, and its round trips. */
    private <T> Cost<T> cost(Function<Handle, T> load) {
        wire.reset();
        T loaded = load.apply(handle);
        return new Cost<>(loaded, wire.count());
    }

    private record Cost<T>(T loaded, int roundTrips) {
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"SELECT_IN", "SUBQUERY", "JOINED", "NESTED", "IMMEDIATE"})
    void findByIdCostsOneRoundTripPerLevelOfKeysItWaitsFor(Strategy strategy, Jdbi jdbi) {
        UserLoader.Plan plan = everything(strategy);
        Cost<Optional<User>> found = cost(h -> plan.findById(h, 1L));

        int expected = switch (strategy) {
            case SELECT_IN, IMMEDIATE -> 4;
            default -> 1;
        };
        assertThat(found.roundTrips()).as("round trips of %s findById", strategy).isEqualTo(expected);
        User ann = found.loaded().orElseThrow();
        assertThat(ann.orders()).extracting(order -> order.items().size()).containsExactly(2, 1);
        assertThat(ann.addresses()).hasSize(2);
        assertThat(ann.orders().get(0).items().get(0).keywords()).hasSize(3);
        assertThat(handle.isInTransaction()).as("the plan's transaction, over").isFalse();
        assertThat(openTransactions(jdbi)).as("sessions left in a transaction").isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"SELECT_IN", "SUBQUERY", "JOINED", "NESTED"})
    void aPageCostsWhatFindByIdCosts(Strategy strategy) {
        UserLoader.Plan plan = everything(strategy).orderBy("name").limit(3);
        Cost<List<User>> page = cost(plan::list);

        assertThat(page.roundTrips()).as("round trips of a page with %s", strategy)
                .isEqualTo(strategy == Strategy.SELECT_IN ? 4 : 1);
        assertThat(page.loaded()).extracting(User::name).containsExactly("ann", "bob", "cid");
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"SELECT_IN", "SUBQUERY"})
    void inTheCallersTransactionTheQuestionOfItsIsolationRidesAlong(Strategy strategy) {
        handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
        handle.begin();
        try {
            Cost<Optional<User>> found = cost(h -> everything(strategy).findById(h, 1L));

            // No BEGIN or COMMIT of the plan's own; the isolation loadplan checks is asked with the first statements.
            assertThat(found.roundTrips()).as("round trips of %s findById in the caller's transaction", strategy)
                    .isEqualTo(strategy == Strategy.SELECT_IN ? 4 : 1);
            assertThat(found.loaded()).isPresent();
            assertThat(handle.isInTransaction()).as("the caller's transaction, still open").isTrue();
        } finally {
            handle.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"SELECT_IN", "SUBQUERY"})
    void theStatementsAreTheConstantsWhateverTheRoundTrips(Strategy strategy, Jdbi jdbi, StatementCounter counter) {
        // Counted at the connections of the class's own Jdbi, where each statement of a round trip counts.
        UserLoader.Plan plan = everything(strategy);
        jdbi.useHandle(plan::list);

        List<String> ran = counter.measure(() -> jdbi.withHandle(plan::list)).statements();

        // Siblings at one level share a round trip, so they may run before a deeper level the constants list first;
        // each runs once.
        assertThat(ran).containsExactlyInAnyOrderElementsOf(plan.sql());
    }

    private static int openTransactions(Jdbi jdbi) {
        return jdbi.withHandle(admin -> admin.createQuery("select count(*) from pg_stat_activity "
                + "where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null")
                .mapTo(Integer.class).one());
    }
}
