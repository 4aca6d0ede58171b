package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.Strategy;
import dev.loadplan.planner.PlanShape;
import dev.loadplan.planner.PlanningException;
import dev.loadplan.planner.sql.SqlComposer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a plan says, as an immutable value: its {@link PlanShape}, which fixes the statements it runs and is
 * planned once however many plans share it, and the values it binds when it runs: named parameters, limit and
 * offset. Every change returns a new value, so plans can be shared across threads and extended freely.
 *
 * @param <E> the root entity
 */
public final class PlanSpec<E> {

    private final EntityMapping<E> mapping;
    private final PlanShape shape;
    private final Map<String, Object> binds;
    private final Long limit;
    private final Long offset;

    private PlanSpec(EntityMapping<E> mapping, PlanShape shape, Map<String, Object> binds, Long limit, Long offset) {
        this.mapping = mapping;
        this.shape = shape;
        this.binds = binds;
        this.limit = limit;
        this.offset = offset;
    }

    private PlanSpec<E> with(PlanShape next) {
        return new PlanSpec<>(mapping, next, binds, limit, offset);
    }

    /** A plan that loads the entity and no relationship beyond the declared defaults. */
    public static <E> PlanSpec<E> of(EntityMapping<E> mapping) {
        return new PlanSpec<>(mapping, PlanShape.of(Objects.requireNonNull(mapping, "mapping")), Map.of(), null,
                null);
    }

    /**
     * A plan whose root rows come from the caller's {@code sql}, which holds {@code {columns}} where loadplan writes
     * the select list: the root table's columns, then those of each contained relationship.
     */
    public static <E> PlanSpec<E> fromSql(EntityMapping<E> mapping, String sql) {
        return new PlanSpec<>(mapping, PlanShape.fromSql(mapping, sql), Map.of(), null, null);
    }

    public EntityMapping<E> mapping() {
        return mapping;
    }

    /** What fixes the statements: everything but the values bound when the plan runs. */
    public PlanShape shape() {
        return shape;
    }

    public Map<String, Object> binds() {
        return binds;
    }

    public Long limit() {
        return limit;
    }

    public Long offset() {
        return offset;
    }

    public PlanSpec<E> contains(Relation<E, ?> relation, String alias) {
        return with(refused(() -> shape.contains(relation, alias)));
    }

    public PlanSpec<E> recursive(Relation<E, E> relation) {
        return with(refused(() -> shape.recursive(relation)));
    }

    public PlanSpec<E> defaultStrategy(Strategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        return with(shape.defaultStrategy(Strategies.of(strategy)));
    }

    public PlanSpec<E> depth(int levels) {
        return with(shape.depth(levels));
    }

    /** The plan with {@code relation} loaded by {@code strategy}; naming a relationship again replaces its link. */
    public <C> PlanSpec<E> link(Relation<E, C> relation, Strategy strategy, PlanSpec<C> target) {
        Objects.requireNonNull(strategy, "strategy");
        PlanShape linked = refused(() -> shape.link(relation, Strategies.of(strategy),
                target == null ? null : target.shape));
        return new PlanSpec<>(mapping, linked, target == null ? binds : withBindsOf(target, relation), limit, offset);
    }

    /**
     * This plan's named values and those {@code target}'s fragments bind: one set for the whole load, as one
     * statement may hold fragments of several plans. A name two plans bind to different values is refused.
     */
    private Map<String, Object> withBindsOf(PlanSpec<?> target, Relation<E, ?> relation) {
        Map<String, Object> linked = new LinkedHashMap<>(target.binds);
        if (target.shape.paged()) {
            // The ranks each parent keeps: offset + 1 to offset + limit, every one past the offset without a limit.
            long offset = target.offset == null ? 0 : target.offset;
            long last = target.limit == null || target.limit > Long.MAX_VALUE - offset ? Long.MAX_VALUE
                    : offset + target.limit;
            String page = SqlComposer.Criteria.pageOf(relation.qualifiedName());
            linked.put(page + "_first", offset == Long.MAX_VALUE ? offset : offset + 1);
            linked.put(page + "_last", last);
        }
        if (linked.isEmpty()) {
            return binds;
        }
        Map<String, Object> next = new LinkedHashMap<>(binds);
        linked.forEach((name, value) -> {
            if (next.containsKey(name) && !Objects.equals(next.get(name), value)) {
                throw new IllegalArgumentException("the plan for " + relation.qualifiedName() + " binds :" + name
                        + " to " + value + ", but this plan binds it to " + next.get(name) + "; the plans of one "
                        + "load share their names: rename one");
            }
            next.put(name, value);
        });
        return Collections.unmodifiableMap(next);
    }

    public PlanSpec<E> where(String fragment) {
        return with(refused(() -> shape.where(fragment)));
    }

    public PlanSpec<E> orderBy(String fragment) {
        return with(refused(() -> shape.orderBy(fragment)));
    }

    public PlanSpec<E> limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + rows);
        }
        return new PlanSpec<>(mapping, refused(() -> shape.paged("limit")), binds, rows, offset);
    }

    public PlanSpec<E> offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + rows);
        }
        return new PlanSpec<>(mapping, refused(() -> shape.paged("offset")), binds, limit, rows);
    }

    /** The plan restricted to the one root row whose key {@code findById} binds. */
    public PlanSpec<E> byId() {
        return with(refused(shape::byIdShape));
    }

    public PlanSpec<E> bind(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (name.startsWith("lp_")) {
            throw new IllegalArgumentException("bind names starting with lp_ are reserved for loadplan: " + name);
        }
        Map<String, Object> next = new LinkedHashMap<>(binds);
        next.put(name, value);
        return new PlanSpec<>(mapping, shape, Collections.unmodifiableMap(next), limit, offset);
    }

    /** The shape {@code change} makes, with a plan the planner refuses reported as users catch it. */
    static PlanShape refused(Supplier<PlanShape> change) {
        try {
            return change.get();
        } catch (PlanningException e) {
            throw new LoadPlanException(e.getMessage(), e);
        }
    }
}
