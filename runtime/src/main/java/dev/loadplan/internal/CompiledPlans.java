package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.LoaderPlan;
import dev.loadplan.planner.PlanShape;
import dev.loadplan.planner.Planner;
import dev.loadplan.planner.PlanningException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every shape planned so far, so a shape is planned once, and its warnings logged once, however many plans share it:
 * a constant entry point's plan and the same plan built again per request ({@code withBooksSelectIn().where(...)}).
 * Bounded: past {@link #MAX_SHAPES} shapes, it starts again, so shapes built from ever new fragments cannot fill
 * the heap.
 */
public final class CompiledPlans {

    static final int MAX_SHAPES = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(LoaderPlan.class);
    private static final ConcurrentHashMap<PlanShape<EntityMapping<?>, Relation<?, ?>>, CompiledPlan<?>> PLANNED =
            new ConcurrentHashMap<>();

    private CompiledPlans() {
    }

    /** The compiled plan of {@code shape}, whose root entity is {@code E}. */
    @SuppressWarnings("unchecked")
    public static <E> CompiledPlan<E> of(PlanShape<EntityMapping<?>, Relation<?, ?>> shape) {
        CompiledPlan<?> found = PLANNED.get(shape);
        if (found != null) {
            return (CompiledPlan<E>) found;
        }
        CompiledPlan<E> compiled;
        try {
            compiled = CompiledPlan.of(Planner.plan(shape));
        } catch (PlanningException e) {
            throw new LoadPlanException(e.getMessage(), e);
        }
        if (PLANNED.size() >= MAX_SHAPES) {
            PLANNED.clear();
        }
        found = PLANNED.putIfAbsent(shape, compiled);
        if (found != null) {
            return (CompiledPlan<E>) found;
        }
        for (String warning : compiled.warnings()) {
            LOG.warn(warning);
        }
        return compiled;
    }
}
