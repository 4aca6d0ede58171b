package dev.loadplan.spring;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.PoolerCheck;
import dev.loadplan.SnapshotCheck;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * loadplan's settings under {@code loadplan.*}, applied to the {@code Jdbi} the starter configures. An application
 * that defines its own {@code Jdbi} bean sets {@link LoadPlanConfig} on it itself.
 */
@ConfigurationProperties("loadplan")
public class LoadPlanProperties {

    /**
     * What a plan of several statements does when it runs in the caller's transaction below REPEATABLE READ (Spring's
     * default @Transactional is READ COMMITTED), where each statement reads its own snapshot: warn (log once per plan
     * shape, then run), fail (throw before running) or off.
     */
    private SnapshotCheck snapshotCheck = SnapshotCheck.WARN;

    /**
     * What a load or a write does on a connection that goes through a pooler (PgBouncer, say) while the driver names
     * server-side prepared statements (prepareThreshold other than 0), which a pooler in transaction mode can hand to
     * another client: warn (log once per JDBC URL, then run), fail (throw before running) or off (the pooler pools by session or
     * tracks prepared statements).
     */
    private PoolerCheck poolerCheck = PoolerCheck.WARN;

    /** Tracing, when the application has OpenTelemetry. */
    private final Tracing tracing = new Tracing();

    /** Micrometer observations of loads, when the application has an ObservationRegistry. */
    private final Observation observation = new Observation();

    /**
     * Creates the defaults: {@code loadplan.snapshot-check=warn}, {@code loadplan.pooler-check=warn},
     * {@code loadplan.tracing.enabled=true}, {@code loadplan.observation.enabled=true}.
     */
    public LoadPlanProperties() {
    }

    /** {@return what a plan of several statements does in a transaction below REPEATABLE READ} */
    public SnapshotCheck getSnapshotCheck() {
        return snapshotCheck;
    }

    /**
     * Sets {@code loadplan.snapshot-check}.
     *
     * @param snapshotCheck warn, fail or off
     */
    public void setSnapshotCheck(SnapshotCheck snapshotCheck) {
        this.snapshotCheck = Objects.requireNonNull(snapshotCheck, "snapshotCheck");
    }

    /** {@return what a load or a write does on a pooled connection on which the driver names statements} */
    public PoolerCheck getPoolerCheck() {
        return poolerCheck;
    }

    /**
     * Sets {@code loadplan.pooler-check}.
     *
     * @param poolerCheck warn, fail or off
     */
    public void setPoolerCheck(PoolerCheck poolerCheck) {
        this.poolerCheck = Objects.requireNonNull(poolerCheck, "poolerCheck");
    }

    /** {@return {@code loadplan.tracing.*}} */
    public Tracing getTracing() {
        return tracing;
    }

    /** {@return {@code loadplan.observation.*}} */
    public Observation getObservation() {
        return observation;
    }

    /**
     * Applies these settings to {@code config}.
     *
     * @param config a {@code Jdbi}'s loadplan settings
     */
    public void applyTo(LoadPlanConfig config) {
        config.setSnapshotCheck(snapshotCheck).setPoolerCheck(poolerCheck);
    }

    /**
     * {@code loadplan.tracing.*}: read by {@link LoadPlanTracingAutoConfiguration}'s condition, which decides whether
     * the starter's {@code Jdbi} is traced.
     */
    public static class Tracing {

        /**
         * Whether the starter's Jdbi traces its loads and statements when the application has an OpenTelemetry bean: a
         * span per load (plan, kind, statements, rows, objects) with a span per statement under it (JDBI's
         * JdbiOpenTelemetryPlugin).
         */
        private boolean enabled = true;

        /** Creates the default: enabled. */
        public Tracing() {
        }

        /** {@return whether the starter's {@code Jdbi} is traced when the application has OpenTelemetry} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets {@code loadplan.tracing.enabled}.
         *
         * @param enabled false to leave the starter's {@code Jdbi} untraced
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * {@code loadplan.observation.*}: read by {@link LoadPlanObservationAutoConfiguration}'s condition, which decides
     * whether the starter's {@code Jdbi} observes its loads.
     */
    public static class Observation {

        /**
         * Whether the starter's Jdbi makes a Micrometer observation of each load when the application has an
         * ObservationRegistry: a timer loadplan.load per entity, plan and kind, and, with Micrometer Tracing, the load's
         * span.
         */
        private boolean enabled = true;

        /** Creates the default: enabled. */
        public Observation() {
        }

        /** {@return whether the starter's {@code Jdbi} observes its loads when the application has a registry} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets {@code loadplan.observation.enabled}.
         *
         * @param enabled false to leave the starter's loads unobserved
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
