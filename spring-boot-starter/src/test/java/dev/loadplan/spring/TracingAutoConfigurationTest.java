package dev.loadplan.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoadPlanConfig;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.opentelemetry.JdbiOpenTelemetryPlugin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * When the starter traces its Jdbi: with Spring Boot's own OpenTelemetry auto-configuration (what
 * {@code spring-boot-starter-opentelemetry} brings), whichever order the auto-configurations are listed in; not without
 * an OpenTelemetry bean, nor without OpenTelemetry or {@code jdbi3-opentelemetry} on the class path, nor with
 * {@code loadplan.tracing.enabled=false}; and never an application's own Jdbi. With an {@code ObservationRegistry},
 * loads are observed too, and OpenTelemetry still gets a span per load from loadplan unless Micrometer Tracing records
 * the observations as spans ({@code ObservationTracingTest}).
 */
class TracingAutoConfigurationTest {

    /** Listed before Boot's, which must still come first: the tracing auto-configuration waits for its bean. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LoadPlanTracingAutoConfiguration.class,
                    LoadPlanObservationAutoConfiguration.class, LoadPlanAutoConfiguration.class,
                    OpenTelemetrySdkAutoConfiguration.class))
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://localhost/none"));

    private static List<Class<?>> listeners(Jdbi jdbi) {
        return jdbi.getConfig(LoadPlanConfig.class).getPlanListeners().stream()
                .<Class<?>>map(Object::getClass).toList();
    }

    private static boolean traced(Jdbi jdbi) {
        return jdbi.getConfig(LoadPlanConfig.class).getPlanListeners().stream()
                .anyMatch(OpenTelemetryPlanListener.class::isInstance);
    }

    @Test
    void bootsOpenTelemetryBeanTracesTheStartersJdbi() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(OpenTelemetrySdk.class).hasBean("openTelemetrySdk");
            assertThat(traced(context.getBean(Jdbi.class))).isTrue();
            assertThat(context.getBean(Jdbi.class).getConfig(LoadPlanConfig.class).getPlanListeners()).hasSize(1);
        });
    }

    @Test
    void noOpenTelemetryBeanNoTracing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LoadPlanTracingAutoConfiguration.class,
                        LoadPlanAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://localhost/none"))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(OpenTelemetry.class);
                    assertThat(traced(context.getBean(Jdbi.class))).isFalse();
                });
    }

    @Test
    void withoutOpenTelemetryOnTheClassPathTheStarterStillWorks() {
        runner.withClassLoader(new FilteredClassLoader(OpenTelemetry.class, OpenTelemetrySdk.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Jdbi.class);
                    assertThat(context.getBean(Jdbi.class).getConfig(LoadPlanConfig.class).getPlanListeners())
                            .isEmpty();
                });
    }

    @Test
    void withoutJdbisPluginOnTheClassPathNoTracing() {
        runner.withClassLoader(new FilteredClassLoader(JdbiOpenTelemetryPlugin.class))
                .run(context -> assertThat(traced(context.getBean(Jdbi.class))).isFalse());
    }

    @Test
    void thePropertySwitchesItOff() {
        runner.withPropertyValues("loadplan.tracing.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(OpenTelemetry.class);
                    assertThat(traced(context.getBean(Jdbi.class))).isFalse();
                });
    }

    @Test
    void anApplicationsOwnJdbiIsLeftAsItIs() {
        runner.withBean("applicationJdbi", Jdbi.class, () -> Jdbi.create("jdbc:postgresql://localhost/none"))
                .run(context -> assertThat(traced(context.getBean(Jdbi.class))).isFalse());
    }

    @Test
    void anObservationRegistryObservesLoadsAndOpenTelemetryStillTracesThem() {
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .run(context -> assertThat(listeners(context.getBean(Jdbi.class)))
                        .containsExactlyInAnyOrder(ObservationPlanListener.class, OpenTelemetryPlanListener.class));
    }

    @Test
    void micrometersNoOpTracerMakesNoSpansSoOpenTelemetryStillTracesLoads() {
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withBean(Tracer.class, () -> Tracer.NOOP)
                .run(context -> assertThat(listeners(context.getBean(Jdbi.class)))
                        .containsExactlyInAnyOrder(ObservationPlanListener.class, OpenTelemetryPlanListener.class));
    }

    @Test
    void theObservationPropertySwitchesObservationsOff() {
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withPropertyValues("loadplan.observation.enabled=false")
                .run(context -> assertThat(listeners(context.getBean(Jdbi.class)))
                        .containsExactly(OpenTelemetryPlanListener.class));
    }

    @Test
    void anObservationRegistryAloneObservesLoads() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LoadPlanObservationAutoConfiguration.class,
                        LoadPlanTracingAutoConfiguration.class, LoadPlanAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://localhost/none"))
                .withBean(ObservationRegistry.class, ObservationRegistry::create)
                .run(context -> assertThat(listeners(context.getBean(Jdbi.class)))
                        .containsExactly(ObservationPlanListener.class));
    }
}
