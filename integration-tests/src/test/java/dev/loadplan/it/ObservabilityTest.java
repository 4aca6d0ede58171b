package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.LoadPlanException;
import dev.loadplan.PlanEvent;
import dev.loadplan.PlanListener;
import dev.loadplan.it.shop.OrderLoader;
import dev.loadplan.it.shop.ShopData;
import dev.loadplan.it.shop.User;
import dev.loadplan.it.shop.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementContextListener;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.opentelemetry.JdbiOpenTelemetryPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every statement of a plan reaches JDBI's logger and listeners, JDBI's OpenTelemetry plugin among them, with the
 * rows the plan read from it; a {@link PlanListener} hears each load with what it ran; and observing a load does not
 * change what it runs.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/shop.sql")
class ObservabilityTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        ShopData.fill(jdbi);
    }

    private static UserLoader.Plan threeStatements() {
        return UserLoader.withOrdersSelectIn(OrderLoader.withTagsSelectIn());
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /** The rows each of the three statements returns, counted by plain SQL. */
    private static List<Long> expectedRows(Jdbi jdbi) {
        return List.of(count(jdbi, "select count(*) from \"user\""),
                count(jdbi, "select count(*) from \"order\" where user_id is not null"),
                count(jdbi, "select count(*) from order_tag ot join \"order\" o on o.id = ot.order_id"
                        + " where o.user_id is not null"));
    }

    @Test
    void jdbisLoggerSeesEveryStatementAndItsListenersTheRowsRead(Jdbi jdbi) {
        List<String> logged = new CopyOnWriteArrayList<>();
        List<Long> rows = new CopyOnWriteArrayList<>();
        jdbi.useHandle(handle -> {
            handle.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
                @Override
                public void logAfterExecution(StatementContext context) {
                    logged.add(context.getRenderedSql() + " in " + context.getElapsedTime(
                            java.time.temporal.ChronoUnit.NANOS) + " ns");
                }
            }).addContextListener(new StatementContextListener() {
                @Override
                public void contextCleaned(StatementContext context) {
                    rows.add(context.getMappedRows());
                }
            });
            threeStatements().list(handle);
        });

        assertThat(logged).hasSize(3);
        assertThat(logged.get(0)).startsWith("SELECT \"user\".id");
        assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain("in -"));
        assertThat(rows).isEqualTo(expectedRows(jdbi));
        assertThat(rows.get(0)).isPositive();
    }

    @Test
    void observingALoadRunsTheSameStatements(Jdbi jdbi, StatementCounter counter) {
        counter.reset();
        List<User> plain = threeStatements().list(jdbi);
        List<String> unobserved = List.copyOf(counter.statements());

        counter.reset();
        List<User> observed = jdbi.withHandle(handle -> {
            handle.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() { });
            handle.getConfig(LoadPlanConfig.class).addPlanListener(load -> (ended, failure) -> { });
            return threeStatements().list(handle);
        });

        assertThat(counter.statements()).isEqualTo(unobserved);
        assertThat(observed).extracting(User::id).isEqualTo(plain.stream().map(User::id).toList());
    }

    /**
     * A caller's template engine (StringTemplate, say, which reads {@code <...>}) renders the caller's own statements,
     * never loadplan's: they run as their constants show them, and the logger sees them so.
     */
    @Test
    void aCallersTemplateEngineLeavesLoadplansStatementsAsTheConstantsShowThem(Jdbi jdbi) {
        List<String> rendered = new CopyOnWriteArrayList<>();
        List<User> users = jdbi.withHandle(handle -> {
            handle.getConfig(SqlStatements.class)
                    .setTemplateEngine((template, context) -> "SELECT 'the caller''s template engine ran'")
                    .setSqlLogger(new SqlLogger() {
                        @Override
                        public void logAfterExecution(StatementContext context) {
                            rendered.add(context.getRenderedSql());
                        }
                    });
            return threeStatements().list(handle);
        });

        assertThat(users).extracting(User::id).isEqualTo(threeStatements().list(jdbi).stream().map(User::id).toList());
        assertThat(rendered).isEqualTo(threeStatements().sql());
    }

    @Test
    void aPlanListenerHearsEachLoadWithWhatItRan(Jdbi jdbi) {
        List<String> heard = new ArrayList<>();
        List<PlanEvent> ended = new ArrayList<>();
        jdbi.useHandle(handle -> {
            handle.getConfig(LoadPlanConfig.class).addPlanListener(load -> {
                heard.add("started " + load.kind() + " " + load.entity() + ": " + load.plan() + " "
                        + load.statements());
                return (done, failure) -> {
                    heard.add("ended " + done.kind() + " " + done.statements() + " statements, " + done.rows()
                            + " rows, " + done.objects() + " objects, failure " + failure);
                    ended.add(done);
                };
            });
            List<User> users = threeStatements().list(handle);
            List<User> lazy = UserLoader.withOrdersLazy(OrderLoader.withTagsSelectIn()).list(handle);
            lazy.get(0).orders().size();
            try (Stream<User> stream = threeStatements().stream(handle)) {
                assertThat(stream.count()).isEqualTo(users.size());
            }
        });

        List<Long> rows = expectedRows(jdbi);
        long objects = rows.get(0) + rows.get(1) + count(jdbi, "select count(distinct ot.tag_id) from order_tag ot"
                + " join \"order\" o on o.id = ot.order_id where o.user_id is not null");
        assertThat(heard.get(0)).isEqualTo("started LOAD User: User's plan (User.orders SELECT_IN, Order.tags "
                + "SELECT_IN) 0");
        assertThat(heard.get(1)).isEqualTo("ended LOAD 3 statements, " + (rows.get(0) + rows.get(1) + rows.get(2))
                + " rows, " + objects + " objects, failure null");
        assertThat(heard.get(2)).startsWith("started LOAD User: User's plan () 0");
        assertThat(heard.get(4)).startsWith("started LAZY Order: the lazy read of User.orders 0");
        assertThat(ended.get(2).statements()).as("the lazy read's own statements: orders, then their tags")
                .isEqualTo(2);
        assertThat(heard.get(6)).startsWith("started STREAM User");
        assertThat(ended.get(3).kind()).isEqualTo(PlanEvent.Kind.STREAM);
        assertThat(ended.get(3).statements()).isEqualTo(3);
        assertThat(ended.get(3).rows()).isEqualTo(rows.get(0) + rows.get(1) + rows.get(2));
        assertThat(heard).hasSize(8);
    }

    @Test
    void aListenerHearsAFailure(Jdbi jdbi) {
        List<Throwable> failures = new ArrayList<>();
        jdbi.useHandle(handle -> {
            handle.getConfig(LoadPlanConfig.class).addPlanListener(load -> (ended, failure) -> failures.add(failure));
            assertThatThrownBy(() -> UserLoader.plain().where("no_such_column = 1").list(handle))
                    .isInstanceOf(LoadPlanException.class);
        });
        assertThat(failures).singleElement().isInstanceOf(LoadPlanException.class);
    }

    /**
     * JDBI's OpenTelemetry plugin and the adapter of {@link PlanListener}'s Javadoc: one span per plan, and under it
     * a span per statement, each with the rows the plan read from it.
     */
    @Test
    void tracesShowEachStatementUnderThePlansSpan(Jdbi jdbi) throws java.sql.SQLException {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        OpenTelemetrySdk telemetry = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
        Tracer tracer = telemetry.getTracer("loadplan");
        // On this class's Jdbi: its later handles, this test's, trace into this SDK, which only this test reads.
        new JdbiOpenTelemetryPlugin(telemetry).customizeJdbi(jdbi);
        jdbi.useHandle(handle -> {
            handle.getConfig(LoadPlanConfig.class).addPlanListener(load -> {
                Span span = tracer.spanBuilder("loadplan " + load.entity())
                        .setAttribute("loadplan.plan", load.plan()).startSpan();
                Scope scope = load.kind() == PlanEvent.Kind.STREAM ? Scope.noop() : span.makeCurrent();
                return (ended, failure) -> {
                    span.setAttribute("loadplan.statements", ended.statements());
                    span.setAttribute("loadplan.rows", ended.rows());
                    span.setAttribute("loadplan.objects", ended.objects());
                    scope.close();
                    span.end();
                };
            });
            threeStatements().list(handle);
        });

        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData plan = spans.stream().filter(span -> span.getName().equals("loadplan User")).findFirst()
                .orElseThrow();
        List<SpanData> statements = spans.stream()
                .filter(span -> span.getParentSpanId().equals(plan.getSpanId())).toList();
        assertThat(statements).hasSize(3);
        assertThat(statements).extracting(span -> span.getAttributes().get(JdbiOpenTelemetryPlugin.NUM_ROWS))
                .isEqualTo(expectedRows(jdbi));
        assertThat(plan.getAttributes().get(AttributeKey.longKey("loadplan.statements"))).isEqualTo(3L);
        assertThat(plan.getAttributes().get(AttributeKey.stringKey("loadplan.plan")))
                .isEqualTo("User's plan (User.orders SELECT_IN, Order.tags SELECT_IN)");
    }
}
