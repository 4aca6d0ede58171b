package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoaderPlan;
import dev.loadplan.SchemaCheck;
import dev.loadplan.Strategy;
import dev.loadplan.it.schemas.Customer;
import dev.loadplan.it.schemas.CustomerDao;
import dev.loadplan.it.schemas.CustomerLoader;
import dev.loadplan.it.schemas.Issue;
import dev.loadplan.it.schemas.IssueLabel;
import dev.loadplan.it.schemas.IssueLabelLoader;
import dev.loadplan.it.schemas.IssueLoader;
import dev.loadplan.it.schemas.SalesOrder;
import dev.loadplan.it.schemas.SalesOrderDao;
import dev.loadplan.it.schemas.SalesOrderLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Entities whose tables live in schemas off the search path ({@code @Entity(schema = "sales", table = "orders")}, and
 * {@code "CRM"}, which needs quotes): every statement names the table with its schema, every strategy loads, the DAO
 * writes there, and the schema check finds the columns.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/schemas.sql")
class SchemaQualifiedTablesTest {

    private static final List<Object> CUSTOMERS = List.of(
            List.of("Ann", List.of("a1", "a2")), List.of("Bob", List.of()), List.of("Cid", List.of("c1")));

    @ParameterizedTest
    @EnumSource(names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "IMMEDIATE", "LAZY"})
    void everyStrategyLoadsAcrossSchemas(Strategy strategy, Jdbi jdbi, StatementCounter counter) {
        LoaderPlan<Customer, ?> plan = switch (strategy) {
            case JOINED -> CustomerLoader.withOrdersJoined();
            case NESTED -> CustomerLoader.withOrdersNested();
            case SELECT_IN -> CustomerLoader.withOrdersSelectIn();
            case SUBQUERY -> CustomerLoader.withOrdersSubquery();
            case IMMEDIATE -> CustomerLoader.withOrdersImmediate();
            default -> CustomerLoader.withOrdersLazy();
        };

        List<Object> loaded = customers(plan.list(jdbi));

        assertThat(loaded).as("%s", strategy).isEqualTo(CUSTOMERS);
        int expected = switch (strategy) {
            case JOINED, NESTED -> 1;
            case SELECT_IN, SUBQUERY -> 2;
            default -> 1 + 3; // one per customer
        };
        assertThat(counter.count()).as("statements of %s", strategy).isEqualTo(expected);
        assertThat(counter.statements()).allSatisfy(sql -> assertThat(sql).containsAnyOf("FROM \"CRM\".customers",
                "FROM sales.orders"));
    }

    /** A link's fragment may name its table with the schema, as the root's may: JOINED reads it under an alias. */
    @ParameterizedTest
    @EnumSource(names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "IMMEDIATE", "LAZY"})
    void aLinksFragmentMayNameItsTableWithTheSchema(Strategy strategy, Jdbi jdbi) {
        SalesOrderLoader.Plan aOrders = SalesOrderLoader.plain().where("sales.orders.reference LIKE :r").bind("r", "a%")
                .orderBy("sales.orders.reference DESC");
        LoaderPlan<Customer, ?> plan = switch (strategy) {
            case JOINED -> CustomerLoader.withOrdersJoined(aOrders);
            case NESTED -> CustomerLoader.withOrdersNested(aOrders);
            case SELECT_IN -> CustomerLoader.withOrdersSelectIn(aOrders);
            case SUBQUERY -> CustomerLoader.withOrdersSubquery(aOrders);
            case IMMEDIATE -> CustomerLoader.withOrdersImmediate(aOrders);
            default -> CustomerLoader.withOrdersLazy(aOrders);
        };

        assertThat(customers(plan.where("\"CRM\".customers.name <> 'Bob'").list(jdbi))).as("%s", strategy)
                .isEqualTo(List.of(List.of("Ann", List.of("a2", "a1")), List.of("Cid", List.of())));
    }

    @Test
    void aManyToOneAcrossSchemasJoinsWithTheSchema(Jdbi jdbi) {
        List<SalesOrder> orders = SalesOrderLoader.withCustomerJoined().list(jdbi);

        assertThat(SalesOrderLoader.CUSTOMER_JOINED).contains("FROM sales.orders\n")
                .contains("LEFT OUTER JOIN \"CRM\".customers AS lp_customer ON lp_customer.id = orders.customer_id");
        assertThat(orders).extracting(order -> order.reference() + ":"
                + (order.customer() == null ? "-" : order.customer().name()))
                .containsExactly("a1:Ann", "c1:Cid", "a2:Ann", "none:-");
    }

    @Test
    void theDaoWritesToTheSchemasTable(Jdbi jdbi) {
        Customer cid = CustomerDao.on(jdbi).findById(3L).orElseThrow();
        SalesOrderDao orders = SalesOrderDao.on(jdbi);

        long id = orders.insert(new SalesOrder("c2", cid));
        SalesOrder written = orders.findById(id).orElseThrow();
        written.reference("c2, changed");
        assertThat(orders.update(written)).isTrue();

        Map<String, Object> stored = jdbi.withHandle(handle -> handle.createQuery(
                "select reference, customer_id from sales.orders where id = :id").bind("id", id).mapToMap().one());
        assertThat(stored).containsEntry("reference", "c2, changed").containsEntry("customer_id", 3L);
        assertThat(orders.delete(id)).isTrue();
        long left = jdbi.withHandle(handle -> handle.createQuery("select count(*) from sales.orders where id = :id")
                .bind("id", id).mapTo(Long.class).one());
        assertThat(left).isZero();
    }

    @Test
    void theSchemaCheckFindsTheColumnsInTheirSchemas(Jdbi jdbi) {
        SchemaCheck.verify(jdbi, CustomerLoader.SCHEMA, SalesOrderLoader.SCHEMA, IssueLoader.SCHEMA,
                IssueLabelLoader.SCHEMA);
    }

    /**
     * A many-to-many's association table is read in the declaring entity's schema ({@code tracker.issue_labels} for
     * {@code Issue.labels}), or in the one {@code joinTableSchema} names ({@code IssueLabel.issues}, declared in
     * {@code "CRM"}), by every strategy.
     */
    @ParameterizedTest
    @EnumSource(names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "IMMEDIATE", "LAZY"})
    void aManyToManyReadsItsAssociationTableInItsSchema(Strategy strategy, Jdbi jdbi, StatementCounter counter) {
        LoaderPlan<Issue, ?> issues = switch (strategy) {
            case JOINED -> IssueLoader.withLabelsJoined();
            case NESTED -> IssueLoader.withLabelsNested();
            case SELECT_IN -> IssueLoader.withLabelsSelectIn();
            case SUBQUERY -> IssueLoader.withLabelsSubquery();
            case IMMEDIATE -> IssueLoader.withLabelsImmediate();
            default -> IssueLoader.withLabelsLazy();
        };
        LoaderPlan<IssueLabel, ?> labels = switch (strategy) {
            case JOINED -> IssueLabelLoader.withIssuesJoined();
            case NESTED -> IssueLabelLoader.withIssuesNested();
            case SELECT_IN -> IssueLabelLoader.withIssuesSelectIn();
            case SUBQUERY -> IssueLabelLoader.withIssuesSubquery();
            case IMMEDIATE -> IssueLabelLoader.withIssuesImmediate();
            default -> IssueLabelLoader.withIssuesLazy();
        };

        assertThat(issues.orderBy("issues.id").list(jdbi).stream().map(issue -> issue.title() + ":"
                + issue.labels().stream().map(IssueLabel::name).toList()))
                .as("issues and their labels, %s", strategy)
                .containsExactly("crash:[bug, perf]", "typo:[docs]", "slow:[perf]");
        assertThat(labels.orderBy("labels.id").list(jdbi).stream().map(label -> label.name() + ":"
                + label.issues().stream().map(Issue::title).toList()))
                .as("labels and their issues, %s", strategy)
                .containsExactly("bug:[crash]", "docs:[typo]", "perf:[crash, slow]");
        assertThat(counter.statements()).as("statements of %s", strategy)
                .filteredOn(sql -> sql.contains("issue_labels"))
                .isNotEmpty()
                .allSatisfy(sql -> assertThat(sql).contains("tracker.issue_labels").doesNotContain("CRM\".issue_labels"));
    }

    private static List<Object> customers(List<Customer> customers) {
        return customers.stream().<Object>map(customer -> List.of(customer.name(),
                customer.orders().stream().map(SalesOrder::reference).toList())).toList();
    }
}
