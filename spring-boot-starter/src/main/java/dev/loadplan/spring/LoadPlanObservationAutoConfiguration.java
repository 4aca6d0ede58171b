package dev.loadplan.spring;

import io.micrometer.observation.ObservationRegistry;
import org.jdbi.v3.core.Jdbi;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer observations of the starter's {@code Jdbi}'s loads, when the application has an
 * {@link ObservationRegistry} bean (Spring Boot's actuator makes one): an {@link ObservationPlanListener}, so each load
 * is timed, and traced where Micrometer Tracing is configured. {@code loadplan.observation.enabled=false} switches it
 * off.
 *
 * <p>With Micrometer Tracing configured, the observation is the load's span, so {@link LoadPlanTracingAutoConfiguration}
 * then adds no span of its own for a load, only JDBI's statement spans: one span per load either way.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({Jdbi.class, ObservationRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "loadplan.observation.enabled", matchIfMissing = true)
public class LoadPlanObservationAutoConfiguration {

    /** Created by Spring. */
    public LoadPlanObservationAutoConfiguration() {
    }

    /**
     * What the starter does to its {@code Jdbi} when it makes it: {@link ObservationPlanListener#install}.
     *
     * @param registry the application's observation registry
     * @return the customization, for {@link LoadPlanAutoConfiguration}'s {@code Jdbi} only
     */
    @Bean
    StarterJdbiCustomizer loadPlanObservation(ObservationRegistry registry) {
        return jdbi -> ObservationPlanListener.install(jdbi, registry);
    }
}
