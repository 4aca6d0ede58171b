package dev.loadplan.spring;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.PlanEvent;
import dev.loadplan.PlanListener;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * One Micrometer {@link Observation} per load: a plan's {@code list}, {@code findById} or {@code stream}, or a lazy
 * read. What Spring Boot's handlers make of it: a timer {@code loadplan.load} per entity, plan and kind (so a slow plan
 * has a latency distribution of its own, with an error tag when a load fails), and, when Micrometer Tracing is
 * configured, a span named {@code loadplan <Entity>} under the caller's, with the statement spans JDBI's OpenTelemetry
 * plugin records nested under it.
 *
 * <p>Low-cardinality keys, the timer's tags: {@link #ENTITY}, {@link #PLAN} (a plan is written in code, so there are as
 * many as the code has shapes; it names links and strategies, never a bound value) and {@link #KIND}. High-cardinality
 * keys, on the span only: {@link #STATEMENTS}, {@link #ROWS} and {@link #OBJECTS}, set as the load ends. The observation
 * is in scope while the load runs, except for a stream's: its statements run as the caller pulls elements, and a scope
 * left open across that would leak into the caller's own work.
 *
 * <p>The Spring Boot starter adds it to its {@code Jdbi} when the application has an {@code ObservationRegistry} bean
 * (Spring Boot makes one with the actuator); {@code loadplan.observation.enabled=false} switches that off. Anywhere else
 * it takes one line:
 *
 * <pre>{@code
 * jdbi.getConfig(LoadPlanConfig.class).addPlanListener(new ObservationPlanListener(observationRegistry));
 * }</pre>
 */
public final class ObservationPlanListener implements PlanListener {

    /** The observation's name, and so the timer's: {@code loadplan.load}. */
    public static final String NAME = "loadplan.load";

    /** The entity loaded: the plan's root, or the lazy relationship's target ({@code Author}). */
    public static final String ENTITY = "loadplan.entity";

    /** The plan, as loadplan's messages name it: {@code Author's plan (Author.books SELECT_IN)}. */
    public static final String PLAN = "loadplan.plan";

    /** The kind of load: {@code LOAD}, {@code STREAM} or {@code LAZY} ({@link PlanEvent.Kind}). */
    public static final String KIND = "loadplan.kind";

    /** The statements the load ran. */
    public static final String STATEMENTS = "loadplan.statements";

    /** The rows those statements returned. */
    public static final String ROWS = "loadplan.rows";

    /** The distinct entities the load read: the objects of its identity map. */
    public static final String OBJECTS = "loadplan.objects";

    private final ObservationRegistry registry;

    /**
     * Observations in {@code registry}.
     *
     * @param registry the application's observation registry
     */
    public ObservationPlanListener(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Observes {@code jdbi}'s loads: adds an {@code ObservationPlanListener} on {@code registry}.
     *
     * @param jdbi the {@code Jdbi} whose loads to observe; handles it opens from now on are observed
     * @param registry the application's observation registry
     * @return {@code jdbi}
     */
    public static Jdbi install(Jdbi jdbi, ObservationRegistry registry) {
        jdbi.getConfig(LoadPlanConfig.class).addPlanListener(new ObservationPlanListener(registry));
        return jdbi;
    }

    @Override
    public Ended started(PlanEvent load) {
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("loadplan " + load.entity())
                .lowCardinalityKeyValue(ENTITY, load.entity())
                .lowCardinalityKeyValue(PLAN, load.plan())
                .lowCardinalityKeyValue(KIND, load.kind().name())
                .start();
        Observation.Scope scope = load.kind() == PlanEvent.Kind.STREAM ? null : observation.openScope();
        return (ended, failure) -> {
            try {
                observation.highCardinalityKeyValue(KeyValue.of(STATEMENTS, Long.toString(ended.statements())));
                observation.highCardinalityKeyValue(KeyValue.of(ROWS, Long.toString(ended.rows())));
                observation.highCardinalityKeyValue(KeyValue.of(OBJECTS, Long.toString(ended.objects())));
                if (failure != null) {
                    observation.error(failure);
                }
            } finally {
                if (scope != null) {
                    scope.close();
                }
                observation.stop();
            }
        };
    }
}
