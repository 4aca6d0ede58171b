package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code loadplan.tracing.enabled=false}: the application's OpenTelemetry sees neither loads nor statements. */
@SpringBootTest(properties = "loadplan.tracing.enabled=false")
@Import(InMemoryTracing.class)
class TracingDisabledTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.register(registry, TracingDisabledTest.class);
    }

    @Autowired
    LibraryService service;
    @Autowired
    Jdbi jdbi;
    @Autowired
    InMemorySpanExporter exporter;

    @Test
    void noSpans() {
        long author = service.insertAuthorWithBook("Le Guin", "The Dispossessed");
        exporter.reset();

        assertThat(service.insertBookThenLoad(author, "The Lathe of Heaven")).singleElement()
                .satisfies(loaded -> assertThat(loaded.books).hasSize(2));

        assertThat(exporter.getFinishedSpanItems()).isEmpty();
    }
}
