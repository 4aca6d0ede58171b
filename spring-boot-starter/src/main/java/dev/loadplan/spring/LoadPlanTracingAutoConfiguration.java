package dev.loadplan.spring;

import io.opentelemetry.api.OpenTelemetry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.opentelemetry.JdbiOpenTelemetryPlugin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Tracing for the starter's {@code Jdbi}, when OpenTelemetry's API and {@code jdbi3-opentelemetry} are on the class
 * path and the application has an {@link OpenTelemetry} bean (Spring Boot's {@code spring-boot-starter-opentelemetry}
 * makes one, an {@code OpenTelemetrySdk} named {@code openTelemetrySdk}): JDBI's {@link JdbiOpenTelemetryPlugin}, a span
 * per statement, and an {@link OpenTelemetryPlanListener}, a span per load with its statements under it.
 * {@code loadplan.tracing.enabled=false} switches both off.
 *
 * <p>Only the {@code Jdbi} that {@link LoadPlanAutoConfiguration} makes is traced; an application that defines its own
 * {@code Jdbi} bean adds the two lines of {@link OpenTelemetryPlanListener}'s documentation to it, or calls
 * {@link OpenTelemetryPlanListener#install}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
@ConditionalOnClass({Jdbi.class, OpenTelemetry.class, JdbiOpenTelemetryPlugin.class})
@ConditionalOnBean(OpenTelemetry.class)
@ConditionalOnBooleanProperty(name = "loadplan.tracing.enabled", matchIfMissing = true)
public class LoadPlanTracingAutoConfiguration {

    /** Created by Spring. */
    public LoadPlanTracingAutoConfiguration() {
    }

    /**
     * What the starter does to its {@code Jdbi} when it makes it: {@link OpenTelemetryPlanListener#install}.
     *
     * @param openTelemetry the application's OpenTelemetry
     * @return the customization, for {@link LoadPlanAutoConfiguration}'s {@code Jdbi} only
     */
    @Bean
    StarterJdbiCustomizer loadPlanTracing(OpenTelemetry openTelemetry) {
        return jdbi -> OpenTelemetryPlanListener.install(jdbi, openTelemetry);
    }
}
