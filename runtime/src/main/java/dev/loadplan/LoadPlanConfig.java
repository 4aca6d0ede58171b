package dev.loadplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * How plans run on a {@code Jdbi} or a {@code Handle}, set as JDBI's own settings are, and copied as they are to the
 * handles and statements made after:
 *
 * <pre>{@code
 * jdbi.getConfig(LoadPlanConfig.class).setSnapshotCheck(SnapshotCheck.FAIL).addPlanListener(tracing);
 * }</pre>
 */
public final class LoadPlanConfig implements JdbiConfig<LoadPlanConfig> {

    private SnapshotCheck snapshotCheck;
    private PoolerCheck poolerCheck;
    private List<PlanListener> planListeners;

    /**
     * The defaults: {@link SnapshotCheck#WARN}, {@link PoolerCheck#WARN}, no listener. JDBI makes one per {@code Jdbi}
     * on first use.
     */
    public LoadPlanConfig() {
        this.snapshotCheck = SnapshotCheck.WARN;
        this.poolerCheck = PoolerCheck.WARN;
        this.planListeners = List.of();
    }

    private LoadPlanConfig(LoadPlanConfig other) {
        this.snapshotCheck = other.snapshotCheck;
        this.poolerCheck = other.poolerCheck;
        this.planListeners = other.planListeners;
    }

    /** {@return what a plan of several statements does in the caller's transaction below REPEATABLE READ} */
    public SnapshotCheck getSnapshotCheck() {
        return snapshotCheck;
    }

    /**
     * Sets what a plan of several statements does in the caller's transaction below REPEATABLE READ.
     *
     * @param snapshotCheck warn (the default), fail, or neither
     * @return this configuration
     */
    public LoadPlanConfig setSnapshotCheck(SnapshotCheck snapshotCheck) {
        this.snapshotCheck = Objects.requireNonNull(snapshotCheck, "snapshotCheck");
        return this;
    }

    /**
     * {@return what a load or a write does on a connection through a pooler on which the driver names prepared
     * statements}
     */
    public PoolerCheck getPoolerCheck() {
        return poolerCheck;
    }

    /**
     * Sets what a load or a write does on a connection through a pooler (PgBouncer, say) on which the driver names
     * server-side prepared statements, which a pooler in transaction mode can hand to another client.
     *
     * @param poolerCheck warn (the default), fail, or neither (the pooler pools by session or tracks prepared
     *     statements)
     * @return this configuration
     */
    public LoadPlanConfig setPoolerCheck(PoolerCheck poolerCheck) {
        this.poolerCheck = Objects.requireNonNull(poolerCheck, "poolerCheck");
        return this;
    }

    /**
     * Adds a listener told of every load run with this configuration, after those added before.
     *
     * @param listener told as each load starts and ends
     * @return this configuration
     */
    public LoadPlanConfig addPlanListener(PlanListener listener) {
        List<PlanListener> listeners = new ArrayList<>(planListeners);
        listeners.add(Objects.requireNonNull(listener, "listener"));
        planListeners = List.copyOf(listeners);
        return this;
    }

    /** {@return the listeners told of every load, in the order added} */
    public List<PlanListener> getPlanListeners() {
        return planListeners;
    }

    @Override
    public LoadPlanConfig createCopy() {
        return new LoadPlanConfig(this);
    }
}
