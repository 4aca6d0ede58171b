package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.loadplan.StatementFailedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.shop.OrderLoader;
import dev.loadplan.it.shop.ShopData;
import dev.loadplan.it.shop.User;
import dev.loadplan.it.shop.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

/**
 * A failing step below the root ({@code Order.tags} under users' orders) names the plan, or the lazy read, it runs
 * in, as well as its own relationship: {@code Order.tags} alone would not say which load failed.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/shop.sql")
class StepFailuresTest {

    @BeforeEach
    void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.execute("truncate order_tag, tag, \"order\", passport, address, node, "
                + "\"user\""));
        ShopData.fill(jdbi);
    }

    @Test
    void aFailingStepBelowTheRootNamesThePlanItRunsIn(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.begin();
            try {
                handle.execute("alter table tag rename to tag_gone");
                assertThatThrownBy(() -> UserLoader.withOrdersSelectIn(OrderLoader.withTagsSelectIn()).list(handle))
                        .isInstanceOf(StatementFailedException.class)
                        .hasMessageStartingWith("loading Order.tags (SELECT_IN), in a plan of User, failed: ERROR: "
                                + "relation \"tag\" does not exist")
                        .hasCauseInstanceOf(PSQLException.class)
                        .asInstanceOf(type(StatementFailedException.class))
                        .returns("Order.tags", StatementFailedException::relationship)
                        .returns(Strategy.SELECT_IN, StatementFailedException::strategy);
            } finally {
                handle.rollback();
            }
        });
    }

    @Test
    void aFailingStepBelowALazyReadNamesTheLazyRead(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.begin();
            try {
                List<User> users = UserLoader.withOrdersLazy(OrderLoader.withTagsSelectIn()).list(handle);
                handle.execute("alter table tag rename to tag_gone");
                User withOrders = users.stream().filter(user -> user.id() == 1).findFirst().orElseThrow();

                assertThatThrownBy(() -> withOrders.orders().size())
                        .isInstanceOf(StatementFailedException.class)
                        .hasMessageStartingWith("loading Order.tags (SELECT_IN), in the lazy read of User.orders, "
                                + "failed: ERROR: relation \"tag\" does not exist")
                        .asInstanceOf(type(StatementFailedException.class))
                        .returns("Order.tags", StatementFailedException::relationship)
                        .returns(Strategy.SELECT_IN, StatementFailedException::strategy);
            } finally {
                handle.rollback();
            }
        });
    }
}
