package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.StatementFailedException;
import dev.loadplan.spring.OpenTelemetryPlanListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.opentelemetry.JdbiOpenTelemetryPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application has an OpenTelemetry bean and nothing else of tracing: the starter's Jdbi traces each load as a span,
 * with each statement of the plan under it (JDBI's OpenTelemetry plugin) and the rows it returned, inside Spring's
 * transactions.
 */
@SpringBootTest
@Import(InMemoryTracing.class)
class TracingTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.register(registry, TracingTest.class);
    }

    @Autowired
    LibraryService service;
    @Autowired
    Jdbi jdbi;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    OpenTelemetry openTelemetry;
    @Autowired
    InMemorySpanExporter exporter;

    @BeforeEach
    void data() {
        jdbcTemplate.execute("TRUNCATE books, authors");
        service.insertAuthorWithBook("Le Guin", "The Dispossessed");
        service.insertAuthorWithBook("Butler", "Kindred");
        exporter.reset();
    }

    private long count(String sql) {
        return jdbcTemplate.queryForObject(sql, Long.class);
    }

    @Test
    void eachStatementOfAPlanIsASpanUnderThePlansSpan() {
        long leGuin = count("SELECT id FROM authors WHERE name = 'Le Guin'");
        Span request = InMemoryTracing.tracer(openTelemetry).spanBuilder("request").startSpan();
        List<Author> authors;
        try (Scope ignored = request.makeCurrent()) {
            authors = service.insertBookThenLoad(leGuin, "The Lathe of Heaven");
        } finally {
            request.end();
        }
        assertThat(authors).hasSize(2);

        List<SpanData> spans = exporter.getFinishedSpanItems();
        List<SpanData> plans = spans.stream().filter(span -> span.getName().startsWith("loadplan ")).toList();
        assertThat(plans).as("one span per load").singleElement()
                .satisfies(plan -> assertThat(plan.getName()).isEqualTo("loadplan Author"));
        SpanData plan = plans.get(0);
        assertThat(plan.getParentSpanId()).as("under the caller's span").isEqualTo(request.getSpanContext().getSpanId());

        List<SpanData> statements = spans.stream()
                .filter(span -> span.getParentSpanId().equals(plan.getSpanId())).toList();
        long authorRows = count("SELECT count(*) FROM authors");
        long bookRows = count("SELECT count(*) FROM books");
        assertThat(statements).as("the plan's two statements, each a span under the plan's").hasSize(2);
        assertThat(statements).extracting(span -> span.getAttributes().get(JdbiOpenTelemetryPlugin.NUM_ROWS))
                .as("the rows each returned, as plain SQL counts them").containsExactly(authorRows, bookRows);
        assertThat(statements.get(0).getAttributes().get(JdbiOpenTelemetryPlugin.SQL)).contains("FROM authors");
        assertThat(statements.get(1).getAttributes().get(JdbiOpenTelemetryPlugin.SQL)).contains("= ANY(");

        assertThat(plan.getAttributes().get(OpenTelemetryPlanListener.PLAN))
                .isEqualTo("Author's plan (Author.books SELECT_IN)");
        assertThat(plan.getAttributes().get(OpenTelemetryPlanListener.KIND)).isEqualTo("LOAD");
        assertThat(plan.getAttributes().get(OpenTelemetryPlanListener.STATEMENTS)).isEqualTo(2L);
        assertThat(plan.getAttributes().get(OpenTelemetryPlanListener.ROWS)).isEqualTo(authorRows + bookRows);
        assertThat(plan.getAttributes().get(OpenTelemetryPlanListener.OBJECTS)).isEqualTo(authorRows + bookRows);
        assertThat(plan.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

        List<SpanData> insert = spans.stream()
                .filter(span -> String.valueOf(span.getAttributes().get(JdbiOpenTelemetryPlugin.SQL))
                        .startsWith("INSERT INTO books"))
                .toList();
        assertThat(insert).as("the DAO's write, a statement span of its own in the same trace").singleElement()
                .satisfies(span -> assertThat(span.getTraceId()).isEqualTo(plan.getTraceId()));
    }

    @Test
    void aFailedLoadRecordsItsException() {
        assertThatThrownBy(() -> service.readCommitted(() -> AuthorLoader.plain().where("no_such_column = 1").list(jdbi)))
                .isInstanceOf(StatementFailedException.class);

        SpanData plan = exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("loadplan Author")).findFirst().orElseThrow();
        assertThat(plan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(plan.getEvents()).extracting(EventData::getName).contains("exception");
        assertThat(plan.getEvents().get(0).getAttributes().asMap().toString())
                .contains(StatementFailedException.class.getName(), "no_such_column");
        assertThat(exporter.getFinishedSpanItems())
                .filteredOn(span -> span.getParentSpanId().equals(plan.getSpanId()))
                .as("the failed statement, under the plan's span").singleElement()
                .satisfies(statement -> assertThat(statement.getAttributes().get(JdbiOpenTelemetryPlugin.SQL))
                        .contains("no_such_column = 1"));
    }

    @Test
    void aLazyReadIsASpanOfItsOwn() {
        List<SpanData> spans = service.readCommitted(() -> {
            List<Author> authors = AuthorLoader.withBooksLazy().orderBy("authors.name").list(jdbi);
            assertThat(authors.get(0).books).hasSize(1);
            return exporter.getFinishedSpanItems();
        });

        assertThat(spans).filteredOn(span -> span.getName().startsWith("loadplan "))
                .extracting(span -> span.getName() + " " + span.getAttributes().get(OpenTelemetryPlanListener.KIND)
                        + " " + span.getAttributes().get(OpenTelemetryPlanListener.STATEMENTS))
                .containsExactly("loadplan Author LOAD 1", "loadplan Book LAZY 1");
    }
}
