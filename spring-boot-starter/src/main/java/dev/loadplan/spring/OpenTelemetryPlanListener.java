package dev.loadplan.spring;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.PlanEvent;
import dev.loadplan.PlanListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.opentelemetry.JdbiOpenTelemetryPlugin;

/**
 * One OpenTelemetry span per load: a plan's {@code list}, {@code findById} or {@code stream}, or a lazy read. With JDBI's
 * {@link JdbiOpenTelemetryPlugin} installed on the same {@code Jdbi}, each statement the load runs has a span of its
 * own under the load's, with the rows it returned ({@link JdbiOpenTelemetryPlugin#NUM_ROWS}).
 *
 * <p>The span is named {@code loadplan <Entity>} ({@code loadplan Author}), starts under the caller's current span and
 * carries {@link #PLAN} and {@link #KIND} from the start, {@link #STATEMENTS}, {@link #ROWS} and {@link #OBJECTS} from
 * the end; a failed load records its exception and ends with status {@code ERROR}. The span is current while the load
 * runs, so statement spans nest under it, except for a stream: its statements run as the caller pulls elements, and a
 * span made current across that would leak into the caller's own work. A stream's statement spans are its siblings.
 *
 * <p>The Spring Boot starter installs both on its {@code Jdbi} when the application has an {@code OpenTelemetry} bean
 * ({@code loadplan.tracing.enabled=false} switches that off), this listener only when Micrometer does not trace the
 * loads already ({@link ObservationPlanListener}, with Micrometer Tracing). Anywhere else, a {@code Jdbi} of your own,
 * with Spring or without, takes two lines ({@link #install} does the same):
 *
 * <pre>{@code
 * jdbi.installPlugin(new JdbiOpenTelemetryPlugin(openTelemetry));
 * jdbi.getConfig(LoadPlanConfig.class).addPlanListener(new OpenTelemetryPlanListener(openTelemetry));
 * }</pre>
 */
public final class OpenTelemetryPlanListener implements PlanListener {

    /** The instrumentation scope of the spans: {@code dev.loadplan}. */
    public static final String INSTRUMENTATION_SCOPE = "dev.loadplan";

    /** The plan, as loadplan's messages name it: {@code Author's plan (Author.books SELECT_IN)}. */
    public static final AttributeKey<String> PLAN = AttributeKey.stringKey("loadplan.plan");

    /** The kind of load: {@code LOAD}, {@code STREAM} or {@code LAZY} ({@link PlanEvent.Kind}). */
    public static final AttributeKey<String> KIND = AttributeKey.stringKey("loadplan.kind");

    /** The statements the load ran. */
    public static final AttributeKey<Long> STATEMENTS = AttributeKey.longKey("loadplan.statements");

    /** The rows those statements returned. */
    public static final AttributeKey<Long> ROWS = AttributeKey.longKey("loadplan.rows");

    /** The distinct entities the load read: the objects of its identity map. */
    public static final AttributeKey<Long> OBJECTS = AttributeKey.longKey("loadplan.objects");

    private final Tracer tracer;

    /**
     * Spans from {@code openTelemetry}'s tracer for {@link #INSTRUMENTATION_SCOPE}.
     *
     * @param openTelemetry the application's OpenTelemetry
     */
    public OpenTelemetryPlanListener(OpenTelemetry openTelemetry) {
        this(Objects.requireNonNull(openTelemetry, "openTelemetry").getTracer(INSTRUMENTATION_SCOPE));
    }

    /**
     * Spans from {@code tracer}.
     *
     * @param tracer the tracer that starts the loads' spans
     */
    public OpenTelemetryPlanListener(Tracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    /**
     * Traces {@code jdbi}'s loads and statements: installs {@link JdbiOpenTelemetryPlugin} (once: installing it again
     * changes nothing) and adds an {@code OpenTelemetryPlanListener}.
     *
     * @param jdbi the {@code Jdbi} to trace; handles it opens from now on are traced
     * @param openTelemetry the application's OpenTelemetry
     * @return {@code jdbi}
     */
    public static Jdbi install(Jdbi jdbi, OpenTelemetry openTelemetry) {
        jdbi.installPlugin(new JdbiOpenTelemetryPlugin(openTelemetry));
        jdbi.getConfig(LoadPlanConfig.class).addPlanListener(new OpenTelemetryPlanListener(openTelemetry));
        return jdbi;
    }

    @Override
    public Ended started(PlanEvent load) {
        Span span = tracer.spanBuilder("loadplan " + load.entity())
                .setAttribute(PLAN, load.plan())
                .setAttribute(KIND, load.kind().name())
                .startSpan();
        Scope scope = load.kind() == PlanEvent.Kind.STREAM ? Scope.noop() : span.makeCurrent();
        return (ended, failure) -> {
            try {
                span.setAttribute(STATEMENTS, ended.statements());
                span.setAttribute(ROWS, ended.rows());
                span.setAttribute(OBJECTS, ended.objects());
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                }
            } finally {
                scope.close();
                span.end();
            }
        };
    }
}
