package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.loadplan.StatementFailedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.paths.ItemLoader;
import dev.loadplan.it.paths.OrderLoader;
import dev.loadplan.it.paths.PathsData;
import dev.loadplan.it.paths.User;
import dev.loadplan.it.paths.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

/**
 * A failure in a round trip of several statements names the statement that failed, though PostgreSQL only reports
 * the error: users -> orders -> items, all SUBQUERY, send three statements in one round trip, and the second fails.
 * In the load's own transaction, an error the statement raises again (a division by zero in the orders link's
 * criteria, a column that is not there) names Order.items' parent link, {@code User.orders}; in the caller's
 * transaction, which only the caller may roll back, the failure names all three and says PostgreSQL does not say
 * which. Either way the database's error is the cause and the next load works.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/paths.sql")
class RoundTripFailuresTest {

    private static final String DIVISION_BY_ZERO = "22012";
    private static final String UNDEFINED_COLUMN = "42703";

    @BeforeAll
    static void data(Jdbi jdbi) {
        PathsData.fill(jdbi);
    }

    /** users -> orders (with {@code criteria}) -> items, each a subquery: three statements in one round trip. */
    private static UserLoader.Plan failingSecond(String criteria) {
        return UserLoader.withOrdersSubquery(OrderLoader.withItemsSubquery(ItemLoader.plain()).where(criteria));
    }

    @Test
    void theSecondOfThreeFailingOnItsDataIsNamed(Jdbi jdbi) {
        Throwable failure = catchThrowable(() -> failingSecond("1 / (orders.id - orders.id) = 0").list(jdbi));

        assertNames(failure, "loading User.orders (SUBQUERY) failed: ERROR: division by zero", "User.orders",
                DIVISION_BY_ZERO);
        assertNextLoadWorks(jdbi);
    }

    @Test
    void theSecondOfThreeNamingAColumnThatIsNotThereIsNamed(Jdbi jdbi) {
        Throwable failure = catchThrowable(() -> failingSecond("orders.no_such_column = 1").list(jdbi));

        assertNames(failure, "loading User.orders (SUBQUERY) failed: ERROR: column orders.no_such_column does not "
                + "exist", "User.orders", UNDEFINED_COLUMN);
        assertNextLoadWorks(jdbi);
    }

    @Test
    void inTheCallersTransactionTheFailureNamesEveryStatementOfTheRoundTrip(Jdbi jdbi) {
        try (Handle handle = jdbi.open()) {
            handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
            handle.begin();
            Throwable failure = catchThrowable(() -> failingSecond("1 / (orders.id - orders.id) = 0").list(handle));

            assertNames(failure, "loading User (the plan's first statement) or a statement sent with it in one "
                    + "round trip (User.orders (SUBQUERY), Order.items (SUBQUERY), in a plan of User,) failed; "
                    + "PostgreSQL does not say which: ERROR: division by zero", null, DIVISION_BY_ZERO);
            assertThat(handle.isInTransaction()).as("the caller's transaction, the caller's to end").isTrue();
            handle.rollback();
        }
        assertNextLoadWorks(jdbi);
    }

    private static void assertNames(Throwable failure, String message, String relationship, String sqlState) {
        assertThat(failure).isInstanceOf(StatementFailedException.class).hasMessageStartingWith(message)
                .hasCauseInstanceOf(PSQLException.class);
        StatementFailedException statement = (StatementFailedException) failure;
        assertThat(statement.relationship()).as("the relationship it names").isEqualTo(relationship);
        assertThat(statement.sqlState()).as("the database's SQLState").isEqualTo(sqlState);
        if (relationship != null) {
            assertThat(statement.strategy()).isEqualTo(Strategy.SUBQUERY);
            assertThat(statement.sql()).as("the SQL of the statement that failed").startsWith("SELECT orders.id");
        }
    }

    private static void assertNextLoadWorks(Jdbi jdbi) {
        List<User> users = failingSecond("orders.id > 0").list(jdbi);
        assertThat(users).extracting(User::name).containsExactly("ann", "bob", "cid", "dan", "eve");
        int open = jdbi.withHandle(admin -> admin.createQuery("select count(*) from pg_stat_activity "
                + "where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null")
                .mapTo(Integer.class).one());
        assertThat(open).as("sessions left in a transaction").isZero();
    }
}
