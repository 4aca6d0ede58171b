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
    private final Strategy defaultStrategy;
    private final Source<E> source;

    /**
     * Where the root rows come from when not from the generated root statement: a caller's own statement with
     * the relationships its joins fill, or a recursive walk down a self-referential collection.
     *
     * @param sql the caller's statement, with {@code {columns}} where the select list goes; null when recursive
     * @param contained the relationships the caller's joins fill, each with the alias its table has there
     * @param recursive the self-referential collection walked down in one statement, or null
     */
    public record Source<E>(String sql, Map<Relation<E, ?>, String> contained, Relation<E, E> recursive) {
    }

    private PlanSpec(EntityMapping<E> mapping, List<LinkSpec<E, ?>> links, String where, String orderBy,
            Long limit, Long offset, Map<String, Object> binds, Strategy defaultStrategy) {
        this(mapping, links, where, orderBy, limit, offset, binds, defaultStrategy, null);
    }

    private PlanSpec(EntityMapping<E> mapping, List<LinkSpec<E, ?>> links, String where, String orderBy,
            Long limit, Long offset, Map<String, Object> binds, Strategy defaultStrategy, Source<E> source) {
        this.mapping = mapping;
        this.links = links;
        this.where = where;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.binds = binds;
        this.defaultStrategy = defaultStrategy;
        this.source = source;
    }

    /** A plan that loads the entity and no relationship beyond the declared defaults. */
    public static <E> PlanSpec<E> of(EntityMapping<E> mapping) {
        return new PlanSpec<>(Objects.requireNonNull(mapping, "mapping"), List.of(), null, null, null, null,
                Map.of(), null);
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

    /** The wildcard strategy for relationships the plan does not name, or null for their declared defaults. */
    public Strategy defaultStrategy() {
        return defaultStrategy;
    }

    /** Where the root rows come from, or null for the generated root statement. */
    public Source<E> source() {
        return source;
    }

    /**
     * A plan whose root rows come from the caller's {@code sql}, which holds {@code {columns}} where loadplan
     * writes the select list: the root table's columns, then those of each contained relationship.
     */
    public static <E> PlanSpec<E> fromSql(EntityMapping<E> mapping, String sql) {
        Objects.requireNonNull(sql, "sql");
        if (!sql.contains(COLUMNS)) {
            throw new IllegalArgumentException("fromSql needs " + COLUMNS + " where the select list goes, as in "
                    + "\"SELECT " + COLUMNS + " FROM " + mapping.table().table() + " JOIN ...\": loadplan writes the "
                    + "columns of " + mapping.entityName() + " and of each contained relationship there");
        }
        return new PlanSpec<>(mapping, List.of(), null, null, null, null, Map.of(), null,
                new Source<>(sql, Map.of(), null));
    }

    /** The placeholder of a caller's statement that loadplan replaces with the select list. */
    public static final String COLUMNS = "{columns}";

    /**
     * The plan with {@code relation} filled from the caller's statement, whose joins name its table {@code alias}:
     * SQLAlchemy's {@code contains_eager}.
     */
    public PlanSpec<E> contains(Relation<E, ?> relation, String alias) {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(alias, "alias");
        if (source == null || source.sql() == null) {
            throw new LoadPlanException("contains" + " fills " + relation.qualifiedName() + " from the caller's own "
                    + "statement: start the plan with fromSql(...)");
        }
        Map<Relation<E, ?>, String> next = new java.util.LinkedHashMap<>(source.contained());
        next.put(relation, alias);
        return new PlanSpec<>(mapping, links, where, orderBy, limit, offset, binds, defaultStrategy,
                new Source<>(source.sql(), Collections.unmodifiableMap(next), null));
    }

    /**
     * The plan with the self-referential collection {@code relation} loaded all the way down in the root
     * statement itself, with {@code WITH RECURSIVE}: every root gets its whole subtree.
     */
    public PlanSpec<E> recursive(Relation<E, E> relation) {
        Objects.requireNonNull(relation, "relation");
        if (relation.target() != (Object) mapping || !relation.shape().many()
                || relation.shape().kind() != dev.loadplan.planner.sql.RelationShape.Kind.FOREIGN_KEY_IN_TARGET) {
            throw new LoadPlanException(relation.qualifiedName() + " is not a self-referential one-to-many "
                    + "collection, so it cannot be loaded recursively");
        }
        if (source != null && source.sql() != null) {
            throw new LoadPlanException("a plan from the caller's own statement cannot also load "
                    + relation.qualifiedName() + " recursively");
        }
        return new PlanSpec<>(mapping, links, where, orderBy, limit, offset, binds, defaultStrategy,
                new Source<>(null, Map.of(), relation));
    }

    /**
     * The plan with {@code strategy} for every relationship it does not name, here and below, down to a sub-plan
     * that sets its own.
     */
    public PlanSpec<E> defaultStrategy(Strategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        return new PlanSpec<>(mapping, links, where, orderBy, limit, offset, binds, strategy, source);
    }

    /**
     * The plan repeated {@code levels} deep along its self-referential links: with {@code Node.children} loaded,
     * {@code depth(3)} loads children, grandchildren and great-grandchildren, each level as this plan says.
     */
    @SuppressWarnings("unchecked")
    public PlanSpec<E> depth(int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("depth must be at least 1, was " + levels);
        }
        PlanSpec<E> level = this;
        for (int i = 1; i < levels; i++) {
            List<LinkSpec<E, ?>> next = new ArrayList<>(links.size());
            for (LinkSpec<E, ?> link : links) {
                if (link.relation().target() == (Object) mapping) {
                    Relation<E, E> self = (Relation<E, E>) link.relation();
                    next.add(new LinkSpec<>(self, link.strategy(), level.withoutShaping()));
                } else {
                    next.add(link);
                }
            }
            level = new PlanSpec<>(mapping, List.copyOf(next), where, orderBy, limit, offset, binds,
                    defaultStrategy, source);
        }
        return level;
    }

    /** This plan's links and defaults, without what only a root plan may say. */
    private PlanSpec<E> withoutShaping() {
        return new PlanSpec<>(mapping, links, null, null, null, null, Map.of(), defaultStrategy, null);
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
        if (below.where != null || below.orderBy != null || below.limit != null || below.offset != null
                || below.source != null) {
            throw new LoadPlanException("the plan for " + relation.qualifiedName()
                    + " shapes its query (where, orderBy, limit, offset, fromSql or a recursive load); only the "
                    + "root plan can");
        }
        List<LinkSpec<E, ?>> next = new ArrayList<>(links.size() + 1);
        for (LinkSpec<E, ?> link : links) {
            if (link.relation() != relation) {
                next.add(link);
            }
        }
        next.add(new LinkSpec<>(relation, strategy, below));
        return new PlanSpec<>(mapping, List.copyOf(next), where, orderBy, limit, offset, binds, defaultStrategy, source);
    }

    /** The plan with a filter on the root rows; a second filter is added with AND. */
    public PlanSpec<E> where(String fragment) {
        requireGeneratedRoot("where");
        String condition = requireFragment(fragment, "where");
        String combined = where == null ? condition : "(" + where + ") AND (" + condition + ")";
        return new PlanSpec<>(mapping, links, combined, orderBy, limit, offset, binds, defaultStrategy, source);
    }

    public PlanSpec<E> orderBy(String fragment) {
        requireGeneratedRoot("orderBy");
        return new PlanSpec<>(mapping, links, where, requireFragment(fragment, "orderBy"), limit, offset, binds,
                defaultStrategy, source);
    }

    public PlanSpec<E> limit(long rows) {
        requireGeneratedRoot("limit");
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + rows);
        }
        return new PlanSpec<>(mapping, links, where, orderBy, rows, offset, binds, defaultStrategy, source);
    }

    public PlanSpec<E> offset(long rows) {
        requireGeneratedRoot("offset");
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + rows);
        }
        return new PlanSpec<>(mapping, links, where, orderBy, limit, rows, binds, defaultStrategy, source);
    }

    public PlanSpec<E> bind(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (name.startsWith("lp_")) {
            throw new IllegalArgumentException("bind names starting with lp_ are reserved for loadplan: " + name);
        }
        Map<String, Object> next = new LinkedHashMap<>(binds);
        next.put(name, value);
        return new PlanSpec<>(mapping, links, where, orderBy, limit, offset, Collections.unmodifiableMap(next),
                defaultStrategy, source);
    }

    /** A caller's own statement shapes its rows itself: it says its own WHERE, ORDER BY and LIMIT. */
    private void requireGeneratedRoot(String what) {
        if (source != null && source.sql() != null) {
            throw new LoadPlanException(what + " does not apply to a plan from the caller's own statement: write it "
                    + "in that statement");
        }
    }

    private static String requireFragment(String fragment, String what) {
        if (fragment == null || fragment.isBlank()) {
            throw new IllegalArgumentException(what + " needs a SQL fragment, was " + (fragment == null ? "null" : "blank"));
        }
        return fragment;
    }
}
