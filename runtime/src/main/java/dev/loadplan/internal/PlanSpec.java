package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.Strategy;
import dev.loadplan.planner.PlanShape;
import dev.loadplan.planner.PlanningException;
import dev.loadplan.planner.sql.SqlComposer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final PlanShape<EntityMapping<?>, Relation<?, ?>> shape;
    /** The values this plan binds itself; those of its links' plans stay with them, in {@link #links}. */
    private final Map<String, Object> binds;
    /** The names this plan's own fragments (where, orderBy, fromSql) use, in order. */
    private final List<String> names;
    /** The plan of each link given one, as {@link PlanShape#link} keeps it: naming a relationship again replaces it. */
    private final Map<Relation<E, ?>, PlanSpec<?>> links;
    private final Long limit;
    private final Long offset;
    // Gathered on first use; a race gathers twice.
    private volatile Map<String, Object> checkedBinds;

    private PlanSpec(EntityMapping<E> mapping, PlanShape<EntityMapping<?>, Relation<?, ?>> shape,
            Map<String, Object> binds, List<String> names, Map<Relation<E, ?>, PlanSpec<?>> links, Long limit,
            Long offset) {
        this.mapping = mapping;
        this.shape = shape;
        this.binds = binds;
        this.names = names;
        this.links = links;
        this.limit = limit;
        this.offset = offset;
    }

    private PlanSpec<E> with(PlanShape<EntityMapping<?>, Relation<?, ?>> next) {
        return new PlanSpec<>(mapping, next, binds, names, links, limit, offset);
    }

    /** The plan with {@code next} and the names {@code fragment} uses added to those of its fragments. */
    private PlanSpec<E> with(PlanShape<EntityMapping<?>, Relation<?, ?>> next, String fragment) {
        List<String> more = PlanBinds.namesIn(fragment);
        if (more.isEmpty()) {
            return with(next);
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(more);
        return new PlanSpec<>(mapping, next, binds, List.copyOf(all), links, limit, offset);
    }

    /** A plan that loads the entity and no relationship beyond the declared defaults. */
    public static <E> PlanSpec<E> of(EntityMapping<E> mapping) {
        return new PlanSpec<>(mapping, PlanShape.of(Objects.requireNonNull(mapping, "mapping")), Map.of(), List.of(),
                Map.of(), null, null);
    }

    /**
     * A plan whose root rows come from the caller's {@code sql}, which holds {@code {columns}} where loadplan writes
     * the select list: the root table's columns, then those of each contained relationship.
     */
    public static <E> PlanSpec<E> fromSql(EntityMapping<E> mapping, String sql) {
        return new PlanSpec<>(mapping, PlanShape.fromSql(mapping, sql), Map.of(), PlanBinds.namesIn(sql), Map.of(),
                null, null);
    }

    public EntityMapping<E> mapping() {
        return mapping;
    }

    /** What fixes the statements: everything but the values bound when the plan runs. */
    public PlanShape<EntityMapping<?>, Relation<?, ?>> shape() {
        return shape;
    }

    /**
     * Every value the load binds, by name: this plan's and those of its links' plans at every depth, with the ranks
     * each paged link keeps.
     *
     * @throws LoadPlanException when a name is bound that no fragment of the load uses, or used and never bound
     */
    public Map<String, Object> binds() {
        Map<String, Object> checked = checkedBinds;
        if (checked == null) {
            checked = PlanBinds.of(this).checked();
            checkedBinds = checked;
        }
        return checked;
    }

    /**
     * Tells {@code binds} what this plan, at {@code place} of the load ({@code path} below the root, null at it),
     * and its links' plans bind and use.
     */
    void collect(String place, String path, PlanBinds binds) {
        this.binds.forEach((name, value) -> binds.bind(name, value, place));
        binds.use(names);
        links.forEach((relation, target) -> {
            String qualified = relation.qualifiedName();
            String below = path == null ? qualified : path + qualified.substring(qualified.indexOf('.'));
            String link = "the link " + below;
            if (target.shape.paged()) {
                // The ranks each parent keeps: offset + 1 to offset + limit, every one past the offset without a limit.
                long skipped = target.offset == null ? 0 : target.offset;
                long last = target.limit == null || target.limit > Long.MAX_VALUE - skipped ? Long.MAX_VALUE
                        : skipped + target.limit;
                String page = SqlComposer.Criteria.pageOf(qualified);
                binds.bind(page + "_first", skipped == Long.MAX_VALUE ? skipped : skipped + 1, link);
                binds.bind(page + "_last", last, link);
            }
            target.collect(link, below, binds);
        });
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

    /**
     * The plan with {@code relation} loaded by {@code strategy}; naming a relationship again replaces its link, and
     * the values its plan bound with it.
     *
     * @throws IllegalArgumentException when {@code target}'s plan binds a name that this plan, or another of its
     *     links, binds to another value
     */
    public <C> PlanSpec<E> link(Relation<E, C> relation, Strategy strategy, PlanSpec<C> target) {
        Objects.requireNonNull(strategy, "strategy");
        PlanShape<EntityMapping<?>, Relation<?, ?>> linked = refused(() -> shape.link(relation,
                Strategies.of(strategy), target == null ? null : target.shape));
        Map<Relation<E, ?>, PlanSpec<?>> next = new LinkedHashMap<>(links);
        next.remove(relation);
        if (target != null) {
            next.put(relation, target);
        }
        return checked(new PlanSpec<>(mapping, linked, binds, names, Collections.unmodifiableMap(next), limit,
                offset));
    }

    /**
     * The plan going down {@code relation} without naming how it loads, SQLAlchemy's {@code defaultload}: below it,
     * whenever it loads, what {@code target} loads, with the values {@code target} binds. Where this plan names
     * {@code relation} already, its strategy stays and {@code target} replaces its plan; otherwise the link keeps the
     * strategy it would have without it ({@link PlanShape#defaultLink}).
     *
     * @throws IllegalArgumentException when {@code target}'s plan binds a name that this plan, or another of its
     *     links, binds to another value
     */
    public <C> PlanSpec<E> defaultLink(Relation<E, C> relation, PlanSpec<C> target) {
        Objects.requireNonNull(target, "target");
        PlanShape<EntityMapping<?>, Relation<?, ?>> linked = refused(() -> shape.defaultLink(relation,
                target.shape));
        Map<Relation<E, ?>, PlanSpec<?>> next = new LinkedHashMap<>(links);
        next.remove(relation);
        next.put(relation, target);
        return checked(new PlanSpec<>(mapping, linked, binds, names, Collections.unmodifiableMap(next), limit,
                offset));
    }

    /** {@code spec}, once no name of its load is bound to two values. */
    private static <E> PlanSpec<E> checked(PlanSpec<E> spec) {
        PlanBinds.of(spec);
        return spec;
    }

    public PlanSpec<E> where(String fragment) {
        return with(refused(() -> shape.where(fragment)), fragment);
    }

    public PlanSpec<E> orderBy(String fragment) {
        return with(refused(() -> shape.orderBy(fragment)), fragment);
    }

    public PlanSpec<E> limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + rows);
        }
        return new PlanSpec<>(mapping, refused(() -> shape.paged("limit")), binds, names, links, rows, offset);
    }

    public PlanSpec<E> offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + rows);
        }
        return new PlanSpec<>(mapping, refused(() -> shape.paged("offset")), binds, names, links, limit, rows);
    }

    /** The plan restricted to the one root row whose key {@code findById} binds. */
    public PlanSpec<E> byId() {
        return with(refused(shape::byIdShape));
    }

    /**
     * The plan with {@code name} bound to {@code value}, replacing what this plan bound to it before.
     *
     * @throws IllegalArgumentException when a link's plan binds {@code name} to another value
     */
    public PlanSpec<E> bind(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (name.startsWith("lp_")) {
            throw new IllegalArgumentException("bind names starting with lp_ are reserved for loadplan: " + name);
        }
        Map<String, Object> next = new LinkedHashMap<>(binds);
        next.put(name, value);
        return checked(new PlanSpec<>(mapping, shape, Collections.unmodifiableMap(next), names, links, limit, offset));
    }

    /** The shape {@code change} makes, with a plan the planner refuses reported as users catch it. */
    static <S> S refused(Supplier<S> change) {
        try {
            return change.get();
        } catch (PlanningException e) {
            throw new LoadPlanException(e.getMessage(), e);
        }
    }
}
