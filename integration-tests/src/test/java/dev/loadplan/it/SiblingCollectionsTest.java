package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.paths.ItemLoader;
import dev.loadplan.it.paths.OrderLoader;
import dev.loadplan.it.paths.PathsData;
import dev.loadplan.it.paths.User;
import dev.loadplan.it.paths.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two sibling collections JOINED into one statement return every combination of their rows (ann: 2 addresses x
 * 3 order lines). The graph is still right, each collection in its declared order and without duplicates, but
 * the plan warns and suggests SELECT_IN. Collections nested along one path multiply nothing and draw no warning.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/paths.sql")
class SiblingCollectionsTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        PathsData.fill(jdbi);
    }

    @Test
    void twoJoinedSiblingsLoadTheRightGraphAndWarn(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withAddressesJoined().withOrdersJoined();

        List<User> users = plan.list(jdbi);

        assertThat(counter.count()).isEqualTo(1);
        // Addresses by e-mail descending then id (bob's two have one e-mail), orders by id.
        assertThat(PathsData.userAddresses(users)).isEqualTo(PathsData.expectedUserAddresses());
        assertThat(PathsData.users(users, 1)).isEqualTo(PathsData.expectedUsers(1));
        assertThat(plan.warnings()).singleElement().satisfies(warning -> assertThat(warning)
                .contains("User.addresses").contains("User.orders").contains("SELECT_IN"));
    }

    @Test
    void twoJoinedSiblingsWithAJoinedCollectionBelowOne(Jdbi jdbi, StatementCounter counter) {
        // Ann's rows: her 2 addresses times her orders' 3 item lines, address by address.
        UserLoader.Plan plan = UserLoader.withAddressesJoined().withOrdersJoined(OrderLoader.withItemsJoined());

        List<User> users = plan.list(jdbi);

        assertThat(counter.count()).isEqualTo(1);
        assertThat(PathsData.userAddresses(users)).isEqualTo(PathsData.expectedUserAddresses());
        assertThat(PathsData.users(users, 2)).isEqualTo(PathsData.expectedUsers(2));
        assertThat(plan.warnings()).singleElement().satisfies(warning -> assertThat(warning)
                .contains("User.addresses").contains("User.orders").contains("SELECT_IN"));
    }

    @Test
    void theSuggestedPlanLoadsTheSameGraphWithoutWarning(Jdbi jdbi, StatementCounter counter) {
        UserLoader.Plan plan = UserLoader.withAddressesJoined()
                .withOrdersSelectIn(OrderLoader.withItemsJoined(ItemLoader.withKeywordsSelectIn()));

        List<User> users = plan.list(jdbi);

        // The users with their addresses; their orders with the orders' items; the items' keywords.
        assertThat(counter.statements()).hasSize(3);
        assertThat(counter.statements().get(0)).isEqualTo(UserLoader.ADDRESSES_JOINED);
        assertThat(counter.statements().get(2)).isEqualTo(ItemLoader.KEYWORDS_SELECT_IN);
        assertThat(PathsData.userAddresses(users)).isEqualTo(PathsData.expectedUserAddresses());
        assertThat(PathsData.users(users, 3)).isEqualTo(PathsData.expectedUsers());
        assertThat(counter.count()).isEqualTo(3);
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void plansWithoutJoinedSiblingsHaveNoWarnings() {
        assertThat(UserLoader.withOrdersJoined(OrderLoader.withItemsJoined(ItemLoader.withKeywordsJoined()))
                .warnings()).isEmpty();
        assertThat(UserLoader.withAddressesJoined().withOrdersSelectIn().warnings()).isEmpty();
        assertThat(UserLoader.withAddressesSubquery().withOrdersJoined().warnings()).isEmpty();
        assertThat(OrderLoader.withUserJoined().withItemsJoined().warnings()).as("a reference multiplies nothing")
                .isEmpty();
        assertThat(UserLoader.plain().warnings()).isEmpty();
    }
}
