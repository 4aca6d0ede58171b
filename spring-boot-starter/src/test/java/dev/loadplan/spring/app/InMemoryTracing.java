package dev.loadplan.spring.app;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's OpenTelemetry, as {@code spring-boot-starter-opentelemetry} would give it (an
 * {@code OpenTelemetrySdk} bean), exporting each span as it ends to memory, where the tests read it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryTracing {

    @Bean
    InMemorySpanExporter spanExporter() {
        return InMemorySpanExporter.create();
    }

    @Bean(destroyMethod = "close")
    OpenTelemetrySdk openTelemetrySdk(InMemorySpanExporter exporter) {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter))
                        .build())
                .build();
    }

    /** The tracer a test starts its own spans with, the caller's "request" around a service call. */
    static io.opentelemetry.api.trace.Tracer tracer(OpenTelemetry openTelemetry) {
        return openTelemetry.getTracer("test");
    }
}
