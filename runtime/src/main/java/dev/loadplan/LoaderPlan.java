package dev.loadplan;

import dev.loadplan.internal.CompiledPlan;
import dev.loadplan.internal.CompiledPlans;
import dev.loadplan.internal.PlanSpec;
import dev.loadplan.internal.Relation;
import dev.loadplan.internal.RootBinds;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A typed, immutable plan for loading entities of type {@code E} with the relationships it names. Generated
 * loaders extend it ({@code AuthorLoader.Plan}) with one method per relationship and strategy; every method
 * returns a new plan, so a plan can be kept in a constant and shared across threads.
 *
 * <p>The plan's statements are fixed by its shape, never by the data: {@link #sql()} lists them.
 *
 * @param <E> the root entity
 * @param <P> the generated plan type, returned by every method that extends the plan
 */
public abstract class LoaderPlan<E, P extends LoaderPlan<E, P>> {

    /** The roots {@link #stream(Handle)} reads and loads below at a time. */
    public static final int STREAM_BATCH = 1000;

    private final PlanSpec<E> spec;
    // Looked up on first use among the plans of every shape compiled so far; a race looks up twice.
    private volatile CompiledPlan<E> compiled;
    private volatile CompiledPlan<E> compiledById;

    /**
     * A plan saying what {@code spec} says.
     *
     * @param spec the plan's shape and the values it binds
     */
    protected LoaderPlan(PlanSpec<E> spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /**
     * The generated plan type around {@code spec}: how every method of this class returns a plan of the generated
     * type.
     *
     * @param spec what the new plan says
     * @return a new plan of the generated type
     */
    protected abstract P create(PlanSpec<E> spec);

    /**
     * The plan with {@code relation} loaded by {@code strategy}, and below it what {@code target} loads. Not generic:
     * the generated method calling it types {@code target} as the related loader's plan, and a generic method here
     * would cost javac a type inference in each of the many generated calls.
     *
     * @param relation the relationship of the root entity
     * @param strategy how it loads
     * @param target the related loader's plan for what loads below it; null for its defaults
     * @return a new plan
     */
    @SuppressWarnings("unchecked")
    protected final P link(Relation<E, ?> relation, Strategy strategy, LoaderPlan<?, ?> target) {
        return create(spec.link((Relation<E, Object>) relation, strategy,
                target == null ? null : (PlanSpec<Object>) target.spec));
    }

    /**
     * The plan going down {@code relation} without naming how it loads, as SQLAlchemy's {@code defaultload}: below
     * it, whenever it loads (on first read too), what {@code target} loads. The relationship keeps the strategy it
     * has: the one this plan names for it, whose plan {@code target} replaces; else the wildcard in force
     * ({@link #defaultStrategy}, this plan's or one above it); else its declared default. Not generic, as
     * {@link #link} is not.
     *
     * @param relation the relationship of the root entity
     * @param target the related loader's plan for what loads below it
     * @return a new plan
     */
    @SuppressWarnings("unchecked")
    protected final P defaultLink(Relation<E, ?> relation, LoaderPlan<?, ?> target) {
        Objects.requireNonNull(target, "target");
        return create(spec.defaultLink((Relation<E, Object>) relation, (PlanSpec<Object>) target.spec));
    }

    /**
     * The plan with {@code relation} filled from the rows of the caller's own statement ({@code fromSql}), where
     * its table is called {@code alias}: SQLAlchemy's {@code contains_eager}.
     *
     * @param relation the relationship of the root entity
     * @param alias the name of the related table in the caller's statement
     * @return a new plan
     */
    protected final P contains(Relation<E, ?> relation, String alias) {
        return create(spec.contains(relation, alias));
    }

    /**
     * The plan with the self-referential collection {@code relation} loaded to every depth within the root
     * statement, with {@code WITH RECURSIVE}.
     *
     * @param relation a self-referential collection of the root entity, such as {@code Node.children}
     * @return a new plan
     */
    protected final P recursive(Relation<E, E> relation) {
        return create(spec.recursive(relation));
    }

    /**
     * Keeps only root rows for which {@code condition} holds. The fragment names the root table by its name;
     * values go in named parameters bound with {@link #bind}. A second call adds its condition with AND.
     *
     * @param condition a boolean SQL fragment, such as {@code authors.name LIKE :p}
     * @return a new plan
     * @throws IllegalArgumentException when {@code condition} is no fragment: it ends inside a literal or a comment,
     *     closes a parenthesis it did not open, or holds a {@code ;}
     * @throws LoadPlanException when the plan's root rows come from the caller's own statement
     */
    public final P where(String condition) {
        return create(spec.where(condition));
    }

    /**
     * Binds a named parameter of a {@link #where}, {@link #orderBy} or {@code fromSql} fragment, before or after the
     * fragment is given; binding a name again replaces this plan's value. Names starting with {@code lp_} are
     * reserved. The plans of one load (this one and those of its links, at every depth) share their names, so a name
     * means one value in the whole load: binding it here to a value that a link's plan binds it to differently is
     * refused, as is linking a plan that binds a name this plan binds differently. A name that no fragment of the
     * load uses is refused when the plan runs, before any statement.
     *
     * @param name the parameter's name, without the colon
     * @param value its value, bound as JDBI binds an object
     * @return a new plan
     * @throws IllegalArgumentException when {@code name} starts with {@code lp_}, or a link's plan binds it to
     *     another value (by {@code equals})
     */
    public final P bind(String name, Object value) {
        return create(spec.bind(name, value));
    }

    /**
     * Orders the root rows; the primary key is appended to break ties. The fragment names the root table.
     *
     * @param fragment an ORDER BY list, such as {@code authors.name DESC}
     * @return a new plan
     * @throws IllegalArgumentException when {@code fragment} is no fragment, as for {@link #where}
     * @throws LoadPlanException when the plan's root rows come from the caller's own statement
     */
    public final P orderBy(String fragment) {
        return create(spec.orderBy(fragment));
    }

    /**
     * Loads every relationship this plan does not name with {@code strategy}, here and in the plans below it,
     * down to a sub-plan that sets its own: SQLAlchemy's {@code lazyload('*')}. Named links win; a link that names
     * no strategy ({@code withBooks(BookLoader.Plan)}) takes the wildcard. An eager wildcard is not followed into an
     * entity already on the path, and a plain reference field cannot be LAZY or RAISE, so under those it is left
     * unloaded (null).
     *
     * @param strategy how every relationship the plan does not name loads
     * @return a new plan
     */
    public final P defaultStrategy(Strategy strategy) {
        return create(spec.defaultStrategy(strategy));
    }

    /**
     * This plan repeated {@code levels} deep along its self-referential links:
     * {@code NodeLoader.withChildrenSelectIn().depth(3)} loads children, grandchildren and great-grandchildren,
     * one statement per level.
     *
     * @param levels how many levels deep
     * @return a new plan
     * @throws IllegalArgumentException when {@code levels} is less than 1
     */
    public final P depth(int levels) {
        return create(spec.depth(levels));
    }

    /**
     * Loads at most {@code rows} root entities, whatever the number of joined rows each brings. On a link's plan
     * ({@code withBooksSelectIn(BookLoader.plain().orderBy("books.year DESC").limit(3))}), at most {@code rows}
     * children per parent, the first in the link's order: top-N per parent, in the statement the strategy runs anyway.
     *
     * @param rows how many
     * @return a new plan
     * @throws IllegalArgumentException when {@code rows} is negative
     * @throws LoadPlanException when the plan's root rows come from the caller's own statement
     */
    public final P limit(long rows) {
        return create(spec.limit(rows));
    }

    /**
     * Skips the first {@code rows} root entities; on a link's plan, the first {@code rows} children of each parent.
     *
     * @param rows how many
     * @return a new plan
     * @throws IllegalArgumentException when {@code rows} is negative
     * @throws LoadPlanException when the plan's root rows come from the caller's own statement
     */
    public final P offset(long rows) {
        return create(spec.offset(rows));
    }

    /**
     * Loads every root entity the plan selects, with its relationships, in the plan's order. A plan of several
     * statements runs them in the handle's transaction, or in one of its own at REPEATABLE READ.
     *
     * @param handle the handle to run on; lazy relationships of the graph use it when first read
     * @return the root entities
     * @throws LoadPlanException when the plan cannot run as asked, naming the plan and the statement or
     *     relationship that failed, with the database's error as its cause ({@link StatementFailedException}, or
     *     {@link ConnectionUnavailableException} when the connection failed); before any statement runs, when the plan
     *     binds a name that none of its fragments uses, or a fragment uses a name that nothing binds, or when a check
     *     refuses it ({@link LoadRefusedException})
     */
    public final List<E> list(Handle handle) {
        Objects.requireNonNull(handle, "handle");
        return compiled().list(handle, RootBinds.of(spec), null);
    }

    /**
     * Loads as {@link #list(Handle)} on a handle of its own, closed before returning. Lazy relationships of the
     * graph open a handle of their own from {@code jdbi} when first read.
     *
     * @param jdbi where the handle comes from
     * @return the root entities
     * @throws LoadPlanException when the plan cannot run as asked, as for {@link #list(Handle)}
     */
    public final List<E> list(Jdbi jdbi) {
        Objects.requireNonNull(jdbi, "jdbi");
        return compiled().list(jdbi, RootBinds.of(spec));
    }

    /**
     * The root entities as they are read, for results too large to hold at once (SQLAlchemy's {@code yield_per}): the
     * root statement's rows come from a server-side cursor, and every {@value #STREAM_BATCH} roots what the plan
     * loads below them is loaded for that batch alone, SELECT_IN binding the batch's keys. Memory holds one batch.
     * Close the stream (try-with-resources) to release the cursor and the transaction it runs in (the handle's when
     * one is open, else one of its own at REPEATABLE READ); reading it to the end closes it too.
     *
     * <p>Each batch has an identity map of its own: an entity reached from roots of two batches (an author of books
     * in both) is two objects. A plan whose statements cannot go batch by batch is refused: SUBQUERY below the root,
     * which repeats the root statement (load it SELECT_IN), and a recursive tree.
     *
     * @param handle the handle to run on, kept open while the stream is read
     * @return the root entities, as they are read
     * @throws LoadPlanException when the plan cannot run batch by batch, or cannot run as asked
     */
    public final Stream<E> stream(Handle handle) {
        return stream(handle, STREAM_BATCH);
    }

    /**
     * As {@link #stream(Handle)}, {@code batchSize} roots at a time.
     *
     * @param handle the handle to run on, kept open while the stream is read
     * @param batchSize how many roots are read, and loaded below, at a time
     * @return the root entities, as they are read
     * @throws IllegalArgumentException when {@code batchSize} is less than 1
     */
    public final Stream<E> stream(Handle handle, int batchSize) {
        Objects.requireNonNull(handle, "handle");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        return compiled().stream(handle, RootBinds.of(spec), batchSize);
    }

    /**
     * Loads the entity whose primary key is {@code id}, with its relationships. Generated plans call it from
     * {@code findById}, which types the key.
     *
     * @param handle the handle to run on
     * @param id the primary key
     * @return the entity; empty when no row has the key
     */
    protected final Optional<E> findByKey(Handle handle, Object id) {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(id, "id");
        List<E> found = compiledById().list(handle, RootBinds.of(spec).withId(id), null);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * As {@link #findByKey(Handle, Object)} on a handle of its own; lazy relationships use {@code jdbi} later.
     *
     * @param jdbi where the handle comes from
     * @param id the primary key
     * @return the entity; empty when no row has the key
     */
    protected final Optional<E> findByKey(Jdbi jdbi, Object id) {
        Objects.requireNonNull(jdbi, "jdbi");
        Objects.requireNonNull(id, "id");
        List<E> found = compiledById().list(jdbi, RootBinds.of(spec).withId(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * What this plan does that works but costs more than it should, such as two collections joined into one
     * statement; the same text is logged as a warning when the plan is first used.
     *
     * @return the warnings, empty when there are none
     */
    public final List<String> warnings() {
        return compiled().warnings();
    }

    /**
     * The statements this plan runs, in order: the root statement first. Nothing runs to find them.
     *
     * @return the statements' SQL
     */
    public final List<String> sql() {
        return compiled().statements();
    }

    private CompiledPlan<E> compiled() {
        CompiledPlan<E> plan = compiled;
        if (plan == null) {
            plan = CompiledPlans.of(spec.shape());
            compiled = plan;
        }
        return plan;
    }

    private CompiledPlan<E> compiledById() {
        CompiledPlan<E> plan = compiledById;
        if (plan == null) {
            plan = CompiledPlans.of(spec.byId().shape());
            compiledById = plan;
        }
        return plan;
    }

    @Override
    public String toString() {
        return spec.mapping().entityName() + " plan:\n" + String.join(";\n", sql());
    }
}
