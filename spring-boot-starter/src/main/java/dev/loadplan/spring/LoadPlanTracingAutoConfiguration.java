package dev.loadplan.spring;

import dev.loadplan.LoadPlanConfig;
import io.opentelemetry.api.OpenTelemetry;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.opentelemetry.JdbiOpenTelemetryPlugin;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Tracing for the starter's {@code Jdbi}, when OpenTelemetry's API and {@code jdbi3-opentelemetry} are on the class
 * path and the application has an {@link OpenTelemetry} bean (Spring Boot's {@code spring-boot-starter-opentelemetry}
 * makes one, an {@code OpenTelemetrySdk} named {@code openTelemetrySdk}): JDBI's {@link JdbiOpenTelemetryPlugin}, a span
 * per statement, and a span per load with its statements under it. {@code loadplan.tracing.enabled=false} switches both
 * off.
 *
 * <p>The load's span comes from an {@link OpenTelemetryPlanListener}, unless the loads are observed
 * ({@link LoadPlanObservationAutoConfiguration}) and Micrometer Tracing traces observations (what
 * {@code spring-boot-starter-opentelemetry} sets up): then each load's observation is its span already, and a second
 * would only repeat it ({@link ObservedLoadSpans}).
 *
 * <p>Only the {@code Jdbi} that {@link LoadPlanAutoConfiguration} makes is traced; an application that defines its own
 * {@code Jdbi} bean adds the two lines of {@link OpenTelemetryPlanListener}'s documentation to it, or calls
 * {@link OpenTelemetryPlanListener#install}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
@ConditionalOnClass({Jdbi.class, OpenTelemetry.class, JdbiOpenTelemetryPlugin.class})
@ConditionalOnBean(OpenTelemetry.class)
@ConditionalOnBooleanProperty(name = "loadplan.tracing.enabled", matchIfMissing = true)
public class LoadPlanTracingAutoConfiguration {

    /** Created by Spring. */
    public LoadPlanTracingAutoConfiguration() {
    }

    /**
     * JDBI's {@link JdbiOpenTelemetryPlugin} on the starter's {@code Jdbi}: a span per statement, with its rows.
     *
     * @param openTelemetry the application's OpenTelemetry
     * @return the customization, for {@link LoadPlanAutoConfiguration}'s {@code Jdbi} only
     */
    @Bean
    StarterJdbiCustomizer loadPlanStatementSpans(OpenTelemetry openTelemetry) {
        return jdbi -> jdbi.installPlugin(new JdbiOpenTelemetryPlugin(openTelemetry));
    }

    /**
     * An {@link OpenTelemetryPlanListener} on the starter's {@code Jdbi}, a span per load, unless its observations are
     * those spans already ({@link ObservedLoadSpans}).
     *
     * @param openTelemetry the application's OpenTelemetry
     * @param beans the application's beans, asked when the {@code Jdbi} is made, once every auto-configuration has run
     * @param environment the application's properties
     * @return the customization, for {@link LoadPlanAutoConfiguration}'s {@code Jdbi} only
     */
    @Bean
    StarterJdbiCustomizer loadPlanLoadSpans(OpenTelemetry openTelemetry, ListableBeanFactory beans,
            Environment environment) {
        return jdbi -> {
            if (!ObservedLoadSpans.traced(beans, environment)) {
                jdbi.getConfig(LoadPlanConfig.class).addPlanListener(new OpenTelemetryPlanListener(openTelemetry));
            }
        };
    }
}
