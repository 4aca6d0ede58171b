package dev.loadplan.spring;

import dev.loadplan.LoadPlanConfig;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * loadplan on Spring Boot: a {@link Jdbi} on the application's {@code DataSource} that joins Spring-managed
 * transactions ({@link SpringJdbi}), unless the application defines its own {@code Jdbi}; {@code loadplan.*}
 * ({@link LoadPlanProperties}) applied to it; tracing, when the application has OpenTelemetry
 * ({@link LoadPlanTracingAutoConfiguration}), and observations, when it has an {@code ObservationRegistry}
 * ({@link LoadPlanObservationAutoConfiguration}); and a {@link LoadPlanExceptionTranslator}, which translates loadplan's
 * and JDBI's exceptions thrown from {@code @Repository} beans into Spring's {@code DataAccessException}s.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass({Jdbi.class, DataSource.class})
@EnableConfigurationProperties(LoadPlanProperties.class)
public class LoadPlanAutoConfiguration {

    /** Created by Spring. */
    public LoadPlanAutoConfiguration() {
    }

    /**
     * The application's {@code Jdbi}, joining Spring-managed transactions, with {@code loadplan.*} applied, every
     * {@link JdbiPlugin} bean installed and, when the application has OpenTelemetry or an {@code ObservationRegistry},
     * traced and observed ({@link LoadPlanTracingAutoConfiguration}, {@link LoadPlanObservationAutoConfiguration}).
     *
     * @param dataSource the application's one (or primary) {@code DataSource}
     * @param properties {@code loadplan.*}
     * @param plugins the application's JDBI plugins, in their {@code @Order}
     * @param customizers what the starter's other auto-configurations do to this {@code Jdbi}: tracing, observations
     * @return the {@code Jdbi}
     */
    @Bean
    @ConditionalOnMissingBean(Jdbi.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    Jdbi jdbi(DataSource dataSource, LoadPlanProperties properties, ObjectProvider<JdbiPlugin> plugins,
            ObjectProvider<StarterJdbiCustomizer> customizers) {
        Jdbi jdbi = SpringJdbi.create(dataSource);
        properties.applyTo(jdbi.getConfig(LoadPlanConfig.class));
        plugins.orderedStream().forEach(jdbi::installPlugin);
        customizers.orderedStream().forEach(customizer -> customizer.customize(jdbi));
        return jdbi;
    }

    /**
     * The translation of loadplan's and JDBI's exceptions, for Spring's {@code PersistenceExceptionTranslationPostProcessor}.
     *
     * @return the translator, with Spring's error codes for PostgreSQL
     */
    @Bean
    @ConditionalOnMissingBean(LoadPlanExceptionTranslator.class)
    public LoadPlanExceptionTranslator loadPlanExceptionTranslator() {
        return new LoadPlanExceptionTranslator();
    }
}
