package dev.loadplan.internal;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.PlanEvent;
import dev.loadplan.PlanListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * A load as {@link PlanListener}s hear it: its counts are those of its {@link LoadStats} since it started, so a lazy
 * read counts its own statements, not the plan's before it.
 */
final class ObservedLoad implements PlanEvent {

    private final String entity;
    private final String plan;
    private final Kind kind;
    private final LoadStats stats;
    private final long statementsBefore;
    private final long rowsBefore;
    private final long objectsBefore;

    private ObservedLoad(String entity, String plan, Kind kind, LoadStats stats) {
        this.entity = entity;
        this.plan = plan;
        this.kind = kind;
        this.stats = stats;
        this.statementsBefore = stats.statements();
        this.rowsBefore = stats.rows();
        this.objectsBefore = stats.objects();
    }

    /**
     * Runs {@code load}, telling {@code handle}'s listeners as it starts and ends; with none, just runs it. {@code plan}
     * is asked only when someone listens.
     */
    static <T> T run(Handle handle, String entity, Supplier<String> plan, Kind kind, LoadStats stats,
            Supplier<T> load) {
        List<PlanListener> listeners = handle.getConfig(LoadPlanConfig.class).getPlanListeners();
        if (listeners.isEmpty()) {
            return load.get();
        }
        ObservedLoad event = new ObservedLoad(entity, plan.get(), kind, stats);
        List<PlanListener.Ended> ends = event.start(listeners);
        T result;
        try {
            result = load.get();
        } catch (RuntimeException | Error e) {
            event.end(ends, e);
            throw e;
        }
        event.end(ends, null);
        return result;
    }

    /** A load whose counts start from {@code stats}' and {@code objectCount}'s now, for a caller that tells it. */
    static ObservedLoad of(String entity, String plan, Kind kind, LoadStats stats) {
        return new ObservedLoad(entity, plan, kind, stats);
    }

    /** Tells {@code listeners} the load starts; returns what each wants told as it ends. */
    List<PlanListener.Ended> start(List<PlanListener> listeners) {
        List<PlanListener.Ended> ends = new ArrayList<>(listeners.size());
        for (PlanListener listener : listeners) {
            ends.add(listener.started(this));
        }
        return ends;
    }

    /** Tells each listener, last started first, that the load ended, with {@code failure} or null. */
    void end(List<PlanListener.Ended> ends, Throwable failure) {
        for (int i = ends.size() - 1; i >= 0; i--) {
            PlanListener.Ended ended = ends.get(i);
            if (ended != null) {
                ended.ended(this, failure);
            }
        }
    }

    @Override
    public String entity() {
        return entity;
    }

    @Override
    public String plan() {
        return plan;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public long statements() {
        return stats.statements() - statementsBefore;
    }

    @Override
    public long rows() {
        return stats.rows() - rowsBefore;
    }

    @Override
    public long objects() {
        return stats.objects() - objectsBefore;
    }

    @Override
    public String toString() {
        return kind + " " + plan + ": " + statements() + " statements, " + rows() + " rows, " + objects() + " objects";
    }
}
