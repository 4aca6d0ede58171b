package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.paths.User;
import dev.loadplan.it.paths.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StandardError;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plan's shape (links, strategies, fragments) is planned once and shared; what it binds (parameters, limit,
 * offset) is a value of each call. Static entry points return one plan each.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/paths.sql")
class PlanShapesTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.execute("insert into users (id, name) values (1, 'a'), (2, 'b'), (3, 'c')"));
    }

    @Test
    void aStaticEntryPointReturnsTheSamePlanEveryTime() {
        assertThat(UserLoader.withOrdersSelectIn()).isSameAs(UserLoader.withOrdersSelectIn());
        assertThat(UserLoader.plain()).isSameAs(UserLoader.plain());
    }

    @Test
    void aShapeIsPlannedOnceWhateverItBindsAndItsWarningIsLoggedOnce(Jdbi jdbi) {
        String log = StandardError.of(() -> {
            for (int skip = 1; skip <= 3; skip++) {
                // Built anew each time, as per request: the same shape, other values.
                List<User> users = UserLoader.withOrdersJoined().withAddressesJoined()
                        .where("users.id <> :skip -- a shape of this test alone").bind("skip", skip)
                        .limit(skip).list(jdbi);
                assertThat(users).hasSize(Math.min(skip, 2));
            }
        });

        assertThat(log.split("are both JOINED into one statement", -1)).as("warnings logged in:%n%s", log)
                .hasSize(2);
    }
}
