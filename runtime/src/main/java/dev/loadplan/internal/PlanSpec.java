package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.Strategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a plan says, as an immutable value: the root entity, the links it names, and how the root query is
 * shaped. Every change returns a new value, so plans can be shared across threads and extended freely.
 *
 * @param <E> the root entity
 */
public final class PlanSpec<E> {

    private final EntityMapping<E> mapping;
    private final List<LinkSpec<E, ?>> links;
    private final String where;
    private final String orderBy;
    private final Long limit;
    private final Long offset;
    private final Map<String, Object> binds;

    private PlanSpec(EntityMapping<E> mapping, List<LinkSpec<E, ?>> links, String where, String orderBy,
            Long limit, Long offset, Map<String, Object> binds) {
        this.mapping = mapping;
        this.links = links;
        this.where = where;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.binds = binds;
    }

    /** A plan that loads the entity and no relationship beyond the declared defaults. */
    public static <E> PlanSpec<E> of(EntityMapping<E> mapping) {
        return new PlanSpec<>(Objects.requireNonNull(mapping, "mapping"), List.of(), null, null, null, null,
                Map.of());
    }

    public EntityMapping<E> mapping() {
        return mapping;
    }

    public List<LinkSpec<E, ?>> links() {
        return links;
    }

    public String where() {
        return where;
    }

    public String orderBy() {
        return orderBy;
    }

    public Long limit() {
        return limit;
    }

    public Long offset() {
        return offset;
    }

    public Map<String, Object> binds() {
        return binds;
    }

    /** The plan with {@code relation} loaded by {@code strategy}; naming a relationship again replaces its link. */
    public <C> PlanSpec<E> link(Relation<E, C> relation, Strategy strategy, PlanSpec<C> target) {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(strategy, "strategy");
        PlanSpec<C> below = target != null ? target : PlanSpec.of(relation.target());
        if (below.mapping != relation.target()) {
            throw new LoadPlanException("a plan for " + below.mapping.entityName() + " cannot load "
                    + relation.qualifiedName() + ", which holds " + relation.target().entityName());
        }
        if (below.where != null || below.orderBy != null || below.limit != null || below.offset != null) {
            throw new LoadPlanException("the plan for " + relation.qualifiedName()
                    + " shapes its query (where, orderBy, limit or offset); only the root plan can");
        }
        List<LinkSpec<E, ?>> next = new ArrayList<>(links.size() + 1);
        for (LinkSpec<E, ?> link : links) {
            if (link.relation() != relation) {
                next.add(link);
            }
        }
        next.add(new LinkSpec<>(relation, strategy, below));
        return new PlanSpec<>(mapping, List.copyOf(next), where, orderBy, limit, offset, binds);
    }

    /** The plan with a filter on the root rows; a second filter is added with AND. */
    public PlanSpec<E> where(String fragment) {
        String condition = requireFragment(fragment, "where");
        String combined = where == null ? condition : "(" + where + ") AND (" + condition + ")";
        return new PlanSpec<>(mapping, links, combined, orderBy, limit, offset, binds);
    }

    public PlanSpec<E> orderBy(String fragment) {
        return new PlanSpec<>(mapping, links, where, requireFragment(fragment, "orderBy"), limit, offset, binds);
    }

    public PlanSpec<E> limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + rows);
        }
        return new PlanSpec<>(mapping, links, where, orderBy, rows, offset, binds);
    }

    public PlanSpec<E> offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + rows);
        }
        return new PlanSpec<>(mapping, links, where, orderBy, limit, rows, binds);
    }

    public PlanSpec<E> bind(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (name.startsWith("lp_")) {
            throw new IllegalArgumentException("bind names starting with lp_ are reserved for loadplan: " + name);
        }
        Map<String, Object> next = new LinkedHashMap<>(binds);
        next.put(name, value);
        return new PlanSpec<>(mapping, links, where, orderBy, limit, offset, Collections.unmodifiableMap(next));
    }

    private static String requireFragment(String fragment, String what) {
        if (fragment == null || fragment.isBlank()) {
            throw new IllegalArgumentException(what + " needs a SQL fragment, was " + (fragment == null ? "null" : "blank"));
        }
        return fragment;
    }
}
