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
    /** What each listener wants told as the load ends, in the order they started. */
    private final List<PlanListener.Ended> ends = new ArrayList<>(1);
    private boolean ended;

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
        ObservedLoad event = start(handle, entity, plan, kind, stats);
        if (event == null) {
            return load.get();
        }
        T result;
        try {
            result = load.get();
        } catch (RuntimeException | Error e) {
            event.end(e);
            throw e;
        }
        event.end(null);
        return result;
    }

    /**
     * Tells {@code handle}'s listeners that a load starts, its counts from {@code stats}' now, and returns it for
     * {@link #end}: for a load that ends in another call than it starts, a stream's. Null when none listens; then
     * {@code plan} is not asked.
     */
    static ObservedLoad start(Handle handle, String entity, Supplier<String> plan, Kind kind, LoadStats stats) {
        List<PlanListener> listeners = handle.getConfig(LoadPlanConfig.class).getPlanListeners();
        if (listeners.isEmpty()) {
            return null;
        }
        ObservedLoad event = new ObservedLoad(entity, plan.get(), kind, stats);
        for (PlanListener listener : listeners) {
            event.ends.add(listener.started(event));
        }
        return event;
    }

    /** Tells each listener, last started first, that the load ended, with {@code failure} or null; once. */
    void end(Throwable failure) {
        if (ended) {
            return;
        }
        ended = true;
        for (int i = ends.size() - 1; i >= 0; i--) {
            PlanListener.Ended end = ends.get(i);
            if (end != null) {
                end.ended(this, failure);
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
