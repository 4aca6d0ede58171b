package dev.loadplan.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoadPlanConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
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
 * {@code loadplan.tracing.enabled=false}; and never an application's own Jdbi.
 */
class TracingAutoConfigurationTest {

    /** Listed before Boot's, which must still come first: the tracing auto-configuration waits for its bean. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LoadPlanTracingAutoConfiguration.class,
                    LoadPlanAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class))
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://localhost/none"));

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
}
