package dev.loadplan.spring.app;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's {@link ObservationRegistry}, as Spring Boot's actuator would give it, with a handler that keeps
 * each observation as it stops, where the tests read it: its name, key values, parent and error, what a meter or
 * tracing handler would record.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedObservations {

    /** The observations stopped since the last {@link #clear}, in the order they stopped. */
    public static final class Stopped implements ObservationHandler<Observation.Context> {

        private final List<Observation.Context> contexts = new CopyOnWriteArrayList<>();

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        @Override
        public void onStop(Observation.Context context) {
            contexts.add(context);
        }

        public List<Observation.Context> named(String name) {
            return contexts.stream().filter(context -> context.getName().equals(name)).toList();
        }

        public void clear() {
            contexts.clear();
        }
    }

    @Bean
    Stopped stoppedObservations() {
        return new Stopped();
    }

    @Bean
    ObservationRegistry observationRegistry(Stopped stopped) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(stopped);
        return registry;
    }
}
