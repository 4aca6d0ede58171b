package dev.loadplan.spring;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Whether each load's Micrometer observation is also its span: the starter observes loads (an
 * {@link ObservationRegistry} bean, {@code loadplan.observation.enabled} not false) and Micrometer Tracing has a tracer
 * that records (a bridge's, not the no-op one Spring Boot registers when Micrometer Tracing has no bridge). Then
 * {@link LoadPlanTracingAutoConfiguration} adds no span of its own per load, and each load has one span either way.
 */
final class ObservedLoadSpans {

    private static final String MICROMETER_TRACER = "io.micrometer.tracing.Tracer";

    private ObservedLoadSpans() {
    }

    /** Whether {@code beans} trace each load through its observation. */
    static boolean traced(ListableBeanFactory beans, Environment environment) {
        if (!environment.getProperty("loadplan.observation.enabled", Boolean.class, true)
                || beans.getBeanNamesForType(ObservationRegistry.class).length == 0) {
            return false;
        }
        return ClassUtils.isPresent(MICROMETER_TRACER, ObservedLoadSpans.class.getClassLoader())
                && MicrometerTracing.records(beans);
    }

    /** Loaded only when Micrometer Tracing is on the class path: it names its types. */
    private static final class MicrometerTracing {

        static boolean records(ListableBeanFactory beans) {
            io.micrometer.tracing.Tracer tracer = beans.getBeanProvider(io.micrometer.tracing.Tracer.class)
                    .getIfUnique();
            return tracer != null && tracer != io.micrometer.tracing.Tracer.NOOP;
        }
    }
}
