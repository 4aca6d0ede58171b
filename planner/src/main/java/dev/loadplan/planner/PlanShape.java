package dev.loadplan.planner;

import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.SqlFragment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a plan says, apart from the values it binds: the root entity, the links it names, the SQL fragments that
 * shape the root query, and whether it is paged. Two plans of one shape run the same statements, so a shape is
 * an immutable value, compared by what it says, and compiled once however many plans share it.
 *
 * @param <E> the type of the entities it plans (see {@link MappedEntity}), which its plan holds
 * @param <R> the type of their relations
 */
public final class PlanShape<E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> {

    /** The placeholder of a caller's statement that loadplan replaces with the select list. */
    public static final String COLUMNS = "{columns}";

    /**
     * One link: a relationship, the strategy that loads it, and what to load below it (never null).
     *
     * @param strategy how it loads; null for a link that goes down the relationship without naming how
     *     ({@link #defaultLink}), which the planner gives the strategy it would have without the link where it sits
     */
    public record Link<E extends MappedEntity<E, R>, R extends MappedRelation<E, R>>(R relation,
            LoadStrategy strategy, PlanShape<E, R> target) {

        /** Whether the link names no strategy, and keeps the one the relationship would have without it. */
        public boolean keepsDefault() {
            return strategy == null;
        }
    }

    /**
     * Where the root rows come from when not from the generated root statement: a caller's own statement with the
     * relationships its joins fill, or a recursive walk down a self-referential collection.
     *
     * @param sql the caller's statement, with {@code {columns}} where the select list goes; null when recursive
     * @param contained the relationships the caller's joins fill, each with the alias its table has there
     * @param recursive the self-referential collection walked down in one statement, or null
     */
    public record Source<R>(String sql, Map<R, String> contained, R recursive) {
    }

    private final E entity;
    private final List<Link<E, R>> links;
    private final String where;
    private final String orderBy;
    private final boolean paged;
    private final boolean byId;
    private final LoadStrategy wildcard;
    private final Source<R> source;
    private int hash;

    private PlanShape(E entity, List<Link<E, R>> links, String where, String orderBy, boolean paged,
            boolean byId, LoadStrategy wildcard, Source<R> source) {
        this.entity = entity;
        this.links = links;
        this.where = where;
        this.orderBy = orderBy;
        this.paged = paged;
        this.byId = byId;
        this.wildcard = wildcard;
        this.source = source;
    }

    /** A plan that loads the entity and no relationship beyond the declared defaults. */
    public static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> PlanShape<E, R> of(E entity) {
        return new PlanShape<>(Objects.requireNonNull(entity, "entity"), List.of(), null, null, false, false, null,
                null);
    }

    /**
     * A plan whose root rows come from the caller's {@code sql}, which holds {@code {columns}} where loadplan writes
     * the select list: the root table's columns, then those of each contained relationship.
     */
    public static <E extends MappedEntity<E, R>, R extends MappedRelation<E, R>> PlanShape<E, R> fromSql(E entity,
            String sql) {
        Objects.requireNonNull(sql, "sql");
        if (!sql.contains(COLUMNS)) {
            throw new IllegalArgumentException("fromSql needs " + COLUMNS + " where the select list goes, as in "
                    + "\"SELECT " + COLUMNS + " FROM " + entity.table().table() + " JOIN ...\": loadplan writes the "
                    + "columns of " + entity.entityName() + " and of each contained relationship there");
        }
        return new PlanShape<>(entity, List.of(), null, null, false, false, null,
                new Source<>(SqlFragment.check(sql, "fromSql"), Map.of(), null));
    }

    public E entity() {
        return entity;
    }

    public List<Link<E, R>> links() {
        return links;
    }

    /** The filter on the root rows, or null. */
    public String where() {
        return where;
    }

    /** The order of the root rows, or null for primary key order. */
    public String orderBy() {
        return orderBy;
    }

    /** Whether the root rows are limited and offset, by values bound per call. */
    public boolean paged() {
        return paged;
    }

    /** Whether the root statement selects the one row whose key is bound per call. */
    public boolean byId() {
        return byId;
    }

    /** The strategy for relationships the plan does not name, here and below; null for their declared defaults. */
    public LoadStrategy wildcard() {
        return wildcard;
    }

    /** Where the root rows come from, or null for the generated root statement. */
    public Source<R> source() {
        return source;
    }

    /** Whether the root rows come from a caller's own statement. */
    public boolean fromCallerStatement() {
        return source != null && source.sql() != null;
    }

    /**
     * The plan with {@code relation} filled from the caller's statement, whose joins name its table {@code alias}:
     * SQLAlchemy's {@code contains_eager}.
     */
    public PlanShape<E, R> contains(R relation, String alias) {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(alias, "alias");
        if (!fromCallerStatement()) {
            throw new PlanningException("contains fills " + relation.qualifiedName() + " from the caller's own "
                    + "statement: start the plan with fromSql(...)");
        }
        Map<R, String> next = new LinkedHashMap<>(source.contained());
        next.put(relation, alias);
        return new PlanShape<>(entity, links, where, orderBy, paged, byId, wildcard,
                new Source<>(source.sql(), Collections.unmodifiableMap(next), null));
    }

    /**
     * The plan with the self-referential collection {@code relation} loaded all the way down in the root statement
     * itself, with {@code WITH RECURSIVE}: every root gets its whole subtree.
     */
    public PlanShape<E, R> recursive(R relation) {
        Objects.requireNonNull(relation, "relation");
        if (relation.target() != entity || !relation.shape().many()
                || relation.shape().kind() != RelationShape.Kind.FOREIGN_KEY_IN_TARGET) {
            throw new PlanningException(relation.qualifiedName() + " is not a self-referential one-to-many "
                    + "collection, so it cannot be loaded recursively");
        }
        if (fromCallerStatement()) {
            throw new PlanningException("a plan from the caller's own statement cannot also load "
                    + relation.qualifiedName() + " recursively");
        }
        return new PlanShape<>(entity, links, where, orderBy, paged, byId, wildcard,
                new Source<>(null, Map.of(), relation));
    }

    /** The plan with {@code strategy} for every relationship it does not name, here and below. */
    public PlanShape<E, R> defaultStrategy(LoadStrategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        return new PlanShape<>(entity, links, where, orderBy, paged, byId, strategy, source);
    }

    /**
     * The plan repeated {@code levels} deep along its self-referential links: with {@code Node.children} loaded,
     * {@code depth(3)} loads children, grandchildren and great-grandchildren, each level as this plan says.
     */
    public PlanShape<E, R> depth(int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("depth must be at least 1, was " + levels);
        }
        PlanShape<E, R> level = this;
        for (int i = 1; i < levels; i++) {
            List<Link<E, R>> next = new ArrayList<>(links.size());
            for (Link<E, R> link : links) {
                next.add(link.relation().target() == entity
                        ? new Link<>(link.relation(), link.strategy(), level.shapedAs(link.target())) : link);
            }
            level = new PlanShape<>(entity, List.copyOf(next), where, orderBy, paged, byId, wildcard, source);
        }
        return level;
    }

    /**
     * This plan's links and defaults as the level below a self-referential link whose plan was {@code link}: without
     * what only a root plan may say, with what the link's plan says of its rows (where, orderBy, its page), so each
     * level filters, orders and limits its children as the link does.
     */
    private PlanShape<E, R> shapedAs(PlanShape<E, R> link) {
        return new PlanShape<>(entity, links, link.where, link.orderBy, link.paged, false, wildcard, null);
    }

    /**
     * The plan with {@code relation} loaded by {@code strategy} and, below it, what {@code target} loads (nothing
     * beyond the declared defaults when null). Naming a relationship again replaces its link.
     */
    public PlanShape<E, R> link(R relation, LoadStrategy strategy, PlanShape<E, R> target) {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(strategy, "strategy");
        PlanShape<E, R> below = checkedTarget(relation, target != null ? target : of(relation.target()));
        RecordCycles.refuse(entity, relation, strategy, below);
        if (strategy == LoadStrategy.NESTED) {
            refuseJoinsInNestedColumn(below);
        }
        return with(new Link<>(relation, strategy, below));
    }

    /**
     * The plan going down {@code relation} without saying how it loads, SQLAlchemy's {@code defaultload}: below it,
     * whenever it loads (on first read included), what {@code target} loads. Where the plan names {@code relation}
     * already, its strategy stays and {@code target} replaces what it loaded below, as naming it again would.
     * Otherwise the link keeps the strategy it would have without it, which the planner gives it where it sits as
     * it does a relationship the plan does not name: the wildcard in force there, else the declared default, a
     * plain reference that cannot defer left unloaded and an eager one not followed into an entity already on the
     * path. Where that strategy loads nothing (RAISE, NO_LOAD), neither does {@code target}; what cannot sit below
     * it (a join in a nested column, records holding each other) is refused when the plan is planned. Naming
     * {@code relation}'s strategy later replaces the link.
     */
    public PlanShape<E, R> defaultLink(R relation, PlanShape<E, R> target) {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(target, "target");
        for (Link<E, R> link : links) {
            if (link.relation() == relation && !link.keepsDefault()) {
                return link(relation, link.strategy(), target);
            }
        }
        return with(new Link<>(relation, null, checkedTarget(relation, target)));
    }

    /** {@code below}, once it can be a plan for what {@code relation} loads. */
    private PlanShape<E, R> checkedTarget(R relation, PlanShape<E, R> below) {
        if (below.entity != relation.target()) {
            throw new PlanningException("a plan for " + below.entity.entityName() + " cannot load "
                    + relation.qualifiedName() + ", which holds " + relation.target().entityName());
        }
        if (below.byId || below.source != null) {
            throw new PlanningException("the plan for " + relation.qualifiedName() + " comes from other rows "
                    + "(findById, fromSql or a recursive load); only the root plan can. A link's plan may filter, "
                    + "order and limit what it loads per parent (where, orderBy, limit, offset)");
        }
        if (below.paged && !relation.shape().many()) {
            throw new PlanningException("the plan for " + relation.qualifiedName() + " limits its rows (limit, "
                    + "offset), but " + relation.qualifiedName() + " holds one " + relation.target().entityName()
                    + ": a limit per parent applies to collections");
        }
        return below;
    }

    /** The plan with {@code added} in place of the link it had for the same relationship, if any. */
    private PlanShape<E, R> with(Link<E, R> added) {
        List<Link<E, R>> next = new ArrayList<>(links.size() + 1);
        for (Link<E, R> link : links) {
            if (link.relation() != added.relation()) {
                next.add(link);
            }
        }
        next.add(added);
        return new PlanShape<>(entity, List.copyOf(next), where, orderBy, paged, byId, wildcard, source);
    }

    /**
     * Refuses a link {@code below} names JOINED in what a nested column holds: rows of one table, with no joins. A
     * link below that names no strategy is checked where it sits, when the plan is planned ({@link LinkWalk}).
     */
    private static void refuseJoinsInNestedColumn(PlanShape<?, ?> below) {
        for (Link<?, ?> link : below.links) {
            if (link.strategy() == LoadStrategy.JOINED) {
                throw joinedInNestedColumn(link.relation());
            }
            if (link.strategy() == LoadStrategy.NESTED) {
                refuseJoinsInNestedColumn(link.target());
            }
        }
    }

    /** Why {@code relation} cannot be JOINED where it is: below a NESTED link, whose column holds no joins. */
    static PlanningException joinedInNestedColumn(MappedRelation<?, ?> relation) {
        return new PlanningException(relation.qualifiedName() + " cannot be JOINED below a NESTED link, whose column "
                + "holds rows of one table: load it NESTED, which reads it in the same statement");
    }

    /** The plan with a filter on the root rows; a second filter is added with AND. */
    public PlanShape<E, R> where(String fragment) {
        requireGeneratedRoot("where");
        String condition = SqlFragment.check(fragment, "where");
        String combined = where == null ? condition : "(" + where + ") AND (" + condition + ")";
        return new PlanShape<>(entity, links, combined, orderBy, paged, byId, wildcard, source);
    }

    /** The plan with the root rows in the order of {@code fragment}; the primary key breaks ties. */
    public PlanShape<E, R> orderBy(String fragment) {
        requireGeneratedRoot("orderBy");
        return new PlanShape<>(entity, links, where, SqlFragment.check(fragment, "orderBy"), paged, byId, wildcard,
                source);
    }

    /** The plan with its root rows limited and offset by values bound when it runs. */
    public PlanShape<E, R> paged(String what) {
        requireGeneratedRoot(what);
        return paged ? this : new PlanShape<>(entity, links, where, orderBy, true, byId, wildcard, source);
    }

    /** The plan restricted to the root row whose key is bound when it runs. */
    public PlanShape<E, R> byIdShape() {
        requireGeneratedRoot("findById");
        return byId ? this : new PlanShape<>(entity, links, where, orderBy, paged, true, wildcard, source);
    }

    /** A caller's own statement shapes its rows itself: it says its own WHERE, ORDER BY and LIMIT. */
    private void requireGeneratedRoot(String what) {
        if (fromCallerStatement()) {
            throw new PlanningException(what + " does not apply to a plan from the caller's own statement: write it "
                    + "in that statement");
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PlanShape<?, ?> that) || hashCode() != that.hashCode()) {
            return false;
        }
        return entity == that.entity && paged == that.paged && byId == that.byId && wildcard == that.wildcard
                && links.equals(that.links) && Objects.equals(where, that.where)
                && Objects.equals(orderBy, that.orderBy) && Objects.equals(source, that.source);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(System.identityHashCode(entity), links, where, orderBy, paged, byId, wildcard, source);
            hash = h == 0 ? 1 : h;
        }
        return h;
    }

    @Override
    public String toString() {
        return entity.entityName() + " plan " + links;
    }
}
