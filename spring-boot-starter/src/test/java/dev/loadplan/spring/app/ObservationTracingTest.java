package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.spring.ObservationPlanListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.opentelemetry.JdbiOpenTelemetryPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as {@code spring-boot-starter-opentelemetry} sets it up: Spring Boot's OpenTelemetry SDK, its
 * {@code ObservationRegistry}, and Micrometer Tracing bridged to OpenTelemetry, all auto-configured (this test clears
 * the exclusions the other tests run with). Each load is one span, its observation's, under the caller's span, with
 * each statement of the plan a span under it (JDBI's OpenTelemetry plugin): not a second span per load from
 * {@code OpenTelemetryPlanListener}.
 */
@SpringBootTest(properties = {"spring.autoconfigure.exclude=", "management.tracing.sampling.probability=1.0"})
@Import(ObservationTracingTest.Exported.class)
class ObservationTracingTest {

    /** Each span, as it ends, to memory: a span processor bean, which Boot adds to its tracer provider. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Exported {

        static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

        @Bean
        SpanProcessor inMemorySpans() {
            return SimpleSpanProcessor.create(SPANS);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.register(registry, ObservationTracingTest.class);
    }

    @Autowired
    LibraryService service;
    @Autowired
    Jdbi jdbi;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    ObservationRegistry registry;

    @BeforeEach
    void data() {
        jdbcTemplate.execute("TRUNCATE books, authors");
        service.insertAuthorWithBook("Le Guin", "The Dispossessed");
        Exported.SPANS.reset();
    }

    @Test
    void theStartersJdbiHasOneListenerPerLoadTheObservations() {
        assertThat(jdbi.getConfig(LoadPlanConfig.class).getPlanListeners())
                .singleElement().isInstanceOf(ObservationPlanListener.class);
    }

    @Test
    void eachLoadIsOneSpanWithItsStatementsUnderIt() {
        long leGuin = jdbcTemplate.queryForObject("SELECT id FROM authors", Long.class);
        Observation.start("request", registry)
                .observe(() -> service.insertBookThenLoad(leGuin, "The Lathe of Heaven"));

        List<SpanData> spans = Exported.SPANS.getFinishedSpanItems();
        SpanData request = spans.stream().filter(span -> span.getName().equals("request")).findFirst().orElseThrow();
        List<SpanData> loads = spans.stream().filter(span -> span.getName().startsWith("loadplan ")).toList();
        assertThat(loads).as("one span per load").singleElement().satisfies(load -> {
            assertThat(load.getName()).isEqualTo("loadplan Author");
            assertThat(load.getParentSpanId()).as("under the caller's").isEqualTo(request.getSpanId());
            assertThat(load.getAttributes().get(AttributeKey.stringKey(ObservationPlanListener.PLAN)))
                    .isEqualTo("Author's plan (Author.books SELECT_IN)");
            assertThat(load.getAttributes().get(AttributeKey.stringKey(ObservationPlanListener.STATEMENTS)))
                    .isEqualTo("2");
        });
        SpanData load = loads.get(0);
        assertThat(spans).filteredOn(span -> span.getParentSpanId().equals(load.getSpanId()))
                .as("the plan's two statements, each a span under the load's")
                .extracting(span -> span.getAttributes().get(JdbiOpenTelemetryPlugin.NUM_ROWS))
                .containsExactly(1L, 2L);
    }
}
