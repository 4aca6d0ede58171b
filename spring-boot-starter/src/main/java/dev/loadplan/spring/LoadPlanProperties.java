package dev.loadplan.spring;

import dev.loadplan.LoadPlanConfig;
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

    /** Creates the defaults: {@code loadplan.snapshot-check=warn}. */
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

    /**
     * Applies these settings to {@code config}.
     *
     * @param config a {@code Jdbi}'s loadplan settings
     */
    public void applyTo(LoadPlanConfig config) {
        config.setSnapshotCheck(snapshotCheck);
    }
}
