package dev.loadplan.processor.plan;

import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.PlanShape;
import dev.loadplan.planner.PlanWarning;
import dev.loadplan.planner.PlannedLoad;
import dev.loadplan.planner.PlannedStatement;
import dev.loadplan.planner.Planner;
import dev.loadplan.planner.PlanningException;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.GeneratedNames;
import dev.loadplan.processor.model.RelationshipKind;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.plan.PlannedEntities.Entity;
import dev.loadplan.processor.plan.PlannedEntities.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Plans an entity's loader: each static entry point, planned by the planner the runtime runs it with, and the
 * constants holding the statements they run. Declared defaults included, so what a constant shows and what an
 * entry point's Javadoc names is exactly what its plan's {@code sql()} returns.
 *
 * <p>Constants are named for the statement's place in a plan: {@code PLAIN} for the root statement of
 * {@code plain()}, {@code BOOKS_JOINED} for a root statement that joins {@code books}, {@code BOOKS_SELECT_IN} for
 * a step loading {@code books}, {@code BOOKS_REVIEWS_SELECT_IN} for one loading their {@code reviews}, and
 * {@code BOOKS_PER_PARENT} for a statement that runs once per parent. Two entry points that run the same statement
 * share its constant.
 */
public final class LoaderPlanner {

    /**
     * The strategies a loader has entry points for, in the order they are written: every one, in the order
     * {@link LoadStrategy} declares them (README's table's), so a new strategy gets its entry points with no change
     * here.
     */
    public static final List<LoadStrategy> STRATEGIES = List.of(LoadStrategy.values());

    /** Entry points past this many are summed up in a constant's Javadoc rather than listed. */
    private static final int LISTED_USES = 3;

    /**
     * What a loader holds: its statements as constants, and its static entry points, those keeping a relationship's
     * strategy apart (one per relationship, in declaration order); and what the entity's declared defaults do that
     * costs more than it should, which the processor warns of on the relationships.
     */
    public record Loader(List<StatementConstant> constants, List<EntryPoint> entryPoints,
            List<DefaultLinkEntryPoint> defaultLinks, List<CostlyDefaults> costlyDefaults) {
    }

    /**
     * What the entity's declared defaults do that costs more than it should, in every plan that does not name the
     * relationships: the planner's warning about {@code plain()}, on relationships of the entity itself (those of
     * the entities it reaches are warned of on theirs).
     */
    public record CostlyDefaults(PlanWarning.Kind kind, List<RelationshipModel> relationships) {
    }

    private final EntityModel entity;
    private final PlannedEntities entities;
    private final Map<String, String> nameBySql = new LinkedHashMap<>();
    private final Map<String, PlannedStatement<Entity, Relation>> firstUse = new LinkedHashMap<>();
    private final Map<String, List<String>> usesBySql = new LinkedHashMap<>();

    private LoaderPlanner(EntityModel entity, PlannedEntities entities) {
        this.entity = entity;
        this.entities = entities;
    }

    /**
     * The loader of {@code entity}. Throws {@link PlanningException} when an entry point cannot be planned, which
     * validation rules out.
     */
    public static Loader plan(EntityModel entity, PlannedEntities entities) {
        return new LoaderPlanner(entity, entities).plan();
    }

    private Loader plan() {
        Entity mapped = entities.entity(entity);
        List<EntryPoint> entryPoints = new ArrayList<>();
        List<DefaultLinkEntryPoint> defaultLinks = new ArrayList<>();
        PlannedLoad<Entity, Relation> plain = Planner.plan(PlanShape.of(mapped));
        entryPoints.add(entryPoint("plain", null, null, false, plain));
        for (RelationshipModel relationship : entity.relationships()) {
            Relation relation = entities.relation(entity, relationship);
            defaultLinks.add(new DefaultLinkEntryPoint(GeneratedNames.defaultLinkEntryPoint(relationship),
                    relationship, plain.root().strategyOf(relation)));
            if (isSelfReferentialCollection(entity, relationship)) {
                entryPoints.add(entryPoint(GeneratedNames.recursiveEntryPoint(relationship), relationship, null, true,
                        Planner.plan(PlanShape.of(mapped).recursive(relation))));
            }
            for (LoadStrategy strategy : strategies(relationship)) {
                entryPoints.add(entryPoint(GeneratedNames.entryPoint(relationship, strategy), relationship, strategy, false,
                        Planner.plan(PlanShape.of(mapped).link(relation, strategy, null))));
            }
        }
        List<StatementConstant> constants = new ArrayList<>();
        nameBySql.forEach((sql, name) -> constants.add(new StatementConstant(name, sql,
                describe(firstUse.get(sql)) + " " + uses(usesBySql.get(sql)))));
        return new Loader(constants, entryPoints, defaultLinks, costlyDefaults(mapped, plain));
    }

    /**
     * The warnings of {@code plain}, the plan of declared defaults alone, about the relationships of {@code mapped},
     * the entity itself.
     */
    private static List<CostlyDefaults> costlyDefaults(Entity mapped, PlannedLoad<Entity, Relation> plain) {
        List<CostlyDefaults> costly = new ArrayList<>();
        for (PlanWarning<Relation> warning : plain.warnings()) {
            if (mapped.relations().containsAll(warning.relations())) {
                costly.add(new CostlyDefaults(warning.kind(),
                        warning.relations().stream().map(Relation::model).toList()));
            }
        }
        return costly;
    }

    private EntryPoint entryPoint(String method, RelationshipModel relationship, LoadStrategy strategy,
            boolean recursive, PlannedLoad<Entity, Relation> planned) {
        List<PlannedStatement<Entity, Relation>> statements = planned.described();
        List<String> names = new ArrayList<>();
        for (PlannedStatement<Entity, Relation> statement : statements) {
            names.add(constant(statement, method, relationship, strategy, recursive));
        }
        boolean loadsDefaults = statements.stream().anyMatch(statement -> statement.relation() != null
                && (relationship == null || !statement.path().equals(relationship.field())))
                || Stream.concat(statements.get(0).joined().stream(), statements.get(0).nested().stream())
                        .anyMatch(joined -> relationship == null || joined.model() != relationship);
        return new EntryPoint(method, relationship, strategy, recursive, names, loadsDefaults,
                runs(statements, names, relationship, strategy));
    }

    /** The constant holding {@code statement}: the one that holds it already, or a new one named for its place. */
    private String constant(PlannedStatement<Entity, Relation> statement, String method, RelationshipModel relationship,
            LoadStrategy strategy, boolean recursive) {
        String sql = statement.sql();
        usesBySql.computeIfAbsent(sql, ignored -> new ArrayList<>()).add(method);
        String known = nameBySql.get(sql);
        if (known != null) {
            return known;
        }
        String preferred = GeneratedNames.statementConstant(statement, method, relationship, strategy, recursive);
        String name = preferred;
        for (int n = 2; nameBySql.containsValue(name); n++) {
            name = preferred + "_" + n;
        }
        nameBySql.put(sql, name);
        firstUse.put(sql, statement);
        return name;
    }

    /** What an entry point's Javadoc says it runs: each constant, in order, and when. */
    private static String runs(List<PlannedStatement<Entity, Relation>> statements, List<String> names,
            RelationshipModel relationship, LoadStrategy strategy) {
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            PlannedStatement<Entity, Relation> statement = statements.get(i);
            String link = "{@link #" + names.get(i) + "}";
            switch (statement.when()) {
                case ROOT -> runs.append("runs ").append(link);
                case BATCH -> runs.append(", then ").append(link);
                case PER_KEY -> runs.append(", then ").append(link).append(" once per distinct parent key");
                case ON_READ -> runs.append("; when {@code ").append(statement.relation().qualifiedName())
                        .append("} is first read, ").append(link).append(" once per parent");
            }
        }
        if (strategy == LoadStrategy.NO_LOAD) {
            runs.append("; {@code ").append(relationship.field()).append("} reads as ")
                    .append(relationship.isCollection() ? "an empty list" : "absent");
        } else if (strategy == LoadStrategy.RAISE) {
            runs.append("; reading {@code ").append(relationship.field())
                    .append("} throws {@code RelationshipNotLoadedException}");
        }
        return runs.toString();
    }

    /** What a constant's statement reads and binds, from the first plan that runs it. */
    private static String describe(PlannedStatement<Entity, Relation> statement) {
        String joined = joined(statement);
        String relation = statement.relation() == null ? null
                : "{@code " + statement.relation().qualifiedName() + "}";
        String parentKey = statement.relation() == null ? null : "{@code " + statement.parent().table().table() + "."
                + statement.relation().shape().sourceColumn() + "}";
        if (statement.when() == PlannedStatement.When.ROOT) {
            return statement.recursive() != null
                    ? "Reads {@code " + statement.parent().table().table() + "} rows and, in the same statement, "
                            + "every row below them along {@code " + statement.recursive().qualifiedName() + "}, with "
                            + "{@code WITH RECURSIVE}" + joined + ". Binds nothing."
                    : "Reads every row of {@code " + statement.parent().table().table() + "} in primary key order"
                            + joined + ". Binds nothing.";
        }
        // By strategy, each case listed: a new strategy running statements of its own does not compile until it
        // says here what they read and bind.
        return switch (statement.strategy()) {
            case SELECT_IN -> "Reads " + relation + " of every parent loaded, in one statement whatever their number"
                    + joined + ". Binds the parents' keys (" + parentKey + ") as one {@code "
                    + statement.relation().keyArrayType() + "[]}.";
            case SUBQUERY -> "Reads " + relation + " of the parents the statement before it selects, repeating that "
                    + "statement as a subquery" + joined + ". Binds what that statement binds.";
            case IMMEDIATE, LAZY -> "Reads " + relation + " of one parent" + joined + ": runs once per parent key, "
                    + (statement.relation().fits(LoadStrategy.LAZY)
                            ? "during the load (IMMEDIATE) or when first read (LAZY)"
                            : statement.relation().alwaysLoaded()
                                    ? "during the load (IMMEDIATE; a view's relationship is LAZY only in a Ref)"
                                    : "during the load (IMMEDIATE; a plain reference cannot be LAZY)")
                    + ". Binds the parent's key (" + parentKey + ").";
            case JOINED, NESTED, NO_LOAD, RAISE -> throw new IllegalStateException(
                    statement.strategy() + " runs no statement of its own");
        };
    }

    /** What else a statement reads in its rows: the relationships joined into them and those nested in columns. */
    private static String joined(PlannedStatement<Entity, Relation> statement) {
        List<String> parts = new ArrayList<>();
        if (!statement.joined().isEmpty()) {
            parts.add(codes(statement.joined()) + " joined in the same rows");
        }
        if (!statement.nested().isEmpty()) {
            parts.add(codes(statement.nested()) + " nested in each row as JSON");
        }
        return parts.isEmpty() ? "" : ", with " + String.join(", and ", parts);
    }

    private static String codes(List<Relation> relations) {
        return String.join(", ", relations.stream().map(relation -> "{@code " + relation.qualifiedName() + "}")
                .toList());
    }

    /** Which entry points run a constant's statement. */
    private static String uses(List<String> methods) {
        List<String> distinct = methods.stream().distinct().toList();
        List<String> links = distinct.stream().limit(LISTED_USES).map(method -> "{@link #" + method + "()}").toList();
        int more = distinct.size() - links.size();
        return "Run by " + String.join(", ", links) + (more == 0 ? "." : " and " + more + " other entry point"
                + (more == 1 ? "" : "s") + " that name it.");
    }

    /** The strategies a relationship's field can hold: a plain reference can neither be lazy nor raise. */
    public static List<LoadStrategy> strategies(RelationshipModel relationship) {
        return STRATEGIES.stream().filter(relationship::fits).toList();
    }

    /** Whether the relationship is a collection of the entity's own kind, which a recursive load can walk. */
    public static boolean isSelfReferentialCollection(EntityModel entity, RelationshipModel relationship) {
        return relationship.kind() == RelationshipKind.ONE_TO_MANY && relationship.target().equals(entity.type());
    }

    /** Every loader method that loads {@code relationship}, for the message of an unloaded one. */
    public static String loaderMethods(EntityModel entity, RelationshipModel relationship) {
        List<String> names = new ArrayList<>();
        for (LoadStrategy strategy : strategies(relationship)) {
            if (strategy.loads()) {
                names.add(GeneratedNames.entryPoint(relationship, strategy) + "()");
            }
        }
        return entity.loaderName().simpleName() + "." + String.join(", ", names);
    }
}
