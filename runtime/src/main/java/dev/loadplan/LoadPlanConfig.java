package dev.loadplan;

import java.util.Objects;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * How plans run on a {@code Jdbi} or a {@code Handle}, set as JDBI's own settings are, and copied as they are to the
 * handles and statements made after:
 *
 * <pre>{@code
 * jdbi.getConfig(LoadPlanConfig.class).setSnapshotCheck(SnapshotCheck.FAIL);
 * }</pre>
 */
public final class LoadPlanConfig implements JdbiConfig<LoadPlanConfig> {

    private SnapshotCheck snapshotCheck;

    /** The defaults: {@link SnapshotCheck#WARN}. JDBI makes one per {@code Jdbi} on first use. */
    public LoadPlanConfig() {
        this.snapshotCheck = SnapshotCheck.WARN;
    }

    private LoadPlanConfig(LoadPlanConfig other) {
        this.snapshotCheck = other.snapshotCheck;
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

    @Override
    public LoadPlanConfig createCopy() {
        return new LoadPlanConfig(this);
    }
}
