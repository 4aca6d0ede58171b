package dev.loadplan;

/**
 * Hears each load a plan runs: told as it starts, on the thread that runs it, and again as it ends, with what it
 * ran. One per load: a plan's {@code list}, {@code findById} or {@code stream}, and each lazy read, which runs
 * statements of its own later. Register with {@link LoadPlanConfig#addPlanListener}; with none, a load builds no
 * event.
 *
 * <p>What a tracing adapter does, in a few lines (OpenTelemetry, with JDBI's {@code JdbiOpenTelemetryPlugin}
 * installed so each statement has a span, under the plan's):
 *
 * <pre>{@code
 * jdbi.getConfig(LoadPlanConfig.class).addPlanListener(load -> {
 *     Span span = tracer.spanBuilder("loadplan " + load.entity()).setAttribute("loadplan.plan", load.plan())
 *             .startSpan();
 *     Scope scope = load.kind() == PlanEvent.Kind.STREAM ? Scope.noop() : span.makeCurrent();
 *     return (ended, failure) -> {
 *         span.setAttribute("loadplan.statements", ended.statements());
 *         span.setAttribute("loadplan.rows", ended.rows());
 *         span.setAttribute("loadplan.objects", ended.objects());
 *         if (failure != null) {
 *             span.recordException(failure);
 *         }
 *         scope.close();
 *         span.end();
 *     };
 * });
 * }</pre>
 */
@FunctionalInterface
public interface PlanListener {

    /**
     * A load starts: nothing of it has run yet.
     *
     * @param load the load: its entity, plan and kind; its counts are zero
     * @return what to tell when the load ends, on the same thread unless the load is a stream, which ends when it
     *     closes
     */
    Ended started(PlanEvent load);

    /** Told once as a load ends, whether it returned or failed. */
    @FunctionalInterface
    interface Ended {

        /**
         * The load ended.
         *
         * @param load the load, its counts final: statements run, rows read, objects in its identity map
         * @param failure what it threw, or null when it returned
         */
        void ended(PlanEvent load, Throwable failure);
    }
}
