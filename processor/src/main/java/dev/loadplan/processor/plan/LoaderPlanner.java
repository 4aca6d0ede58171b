package dev.loadplan.processor.plan;

import dev.loadplan.Strategy;
import dev.loadplan.planner.sql.RootShaping;
import dev.loadplan.planner.sql.RowSource;
import dev.loadplan.planner.sql.SelectTree;
import dev.loadplan.planner.sql.SqlComposer;
import dev.loadplan.planner.sql.SqlIdentifiers;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.RelationshipKind;
import dev.loadplan.processor.model.RelationshipModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plans an entity's loader: its entry points and the fixed statement of each, written by the same
 * {@link SqlComposer} the runtime uses, so a plan's {@code sql()} is exactly these constants.
 */
public final class LoaderPlanner {

    /** The strategies a loader has entry points for, in the order they are written. */
    public static final List<Strategy> STRATEGIES = List.of(Strategy.JOINED, Strategy.SELECT_IN, Strategy.SUBQUERY,
            Strategy.LAZY, Strategy.IMMEDIATE, Strategy.NO_LOAD, Strategy.RAISE);

    /** The suffix of the constant holding the statement that loads one parent's relationship. */
    public static final String PER_PARENT = "PER_PARENT";

    /** The constant holding the root statement of a plan that joins nothing. */
    public static final String PLAIN = "PLAIN";

    private LoaderPlanner() {
    }

    /** The statements of an entity's loader: the plain root statement, then each relationship's, in order. */
    public static List<StatementConstant> statements(EntityModel entity) {
        List<StatementConstant> constants = new ArrayList<>();
        String table = entity.table().table();
        constants.add(new StatementConstant(PLAIN, SqlComposer.root(SelectTree.of(entity.table()), RootShaping.NONE),
                "Reads every row of {@code " + table + "} in primary key order: the root statement of {@link #plain()}"
                        + " and the first statement of every plan that joins nothing. Binds nothing."));
        for (RelationshipModel relationship : entity.relationships()) {
            for (Strategy strategy : List.of(Strategy.JOINED, Strategy.SELECT_IN, Strategy.SUBQUERY)) {
                constants.add(statement(entity, relationship, strategy));
            }
            constants.add(perParent(entity, relationship));
        }
        return constants;
    }

    /** The loader's entry points, one per relationship and strategy, in declaration order. */
    public static List<LoaderMethod> methods(EntityModel entity) {
        List<LoaderMethod> methods = new ArrayList<>();
        for (RelationshipModel relationship : entity.relationships()) {
            for (Strategy strategy : strategies(relationship)) {
                methods.add(new LoaderMethod(methodName(relationship, strategy), relationship, strategy,
                        statements(relationship, strategy)));
            }
        }
        return methods;
    }

    /** The strategies a relationship's field can hold: a plain reference can neither be lazy nor raise. */
    public static List<Strategy> strategies(RelationshipModel relationship) {
        if (relationship.form().canDefer()) {
            return STRATEGIES;
        }
        return STRATEGIES.stream().filter(strategy -> strategy != Strategy.LAZY && strategy != Strategy.RAISE)
                .toList();
    }

    /** What a method's Javadoc says it runs: the constants, in order, and when. */
    private static String statements(RelationshipModel relationship, Strategy strategy) {
        String perParent = "{@link #" + constantName(relationship, null) + "}";
        return switch (strategy) {
            case JOINED -> "{@link #" + constantName(relationship, strategy) + "}";
            case SELECT_IN, SUBQUERY -> "{@link #" + PLAIN + "}, then {@link #" + constantName(relationship, strategy)
                    + "}";
            case IMMEDIATE -> "{@link #" + PLAIN + "}, then " + perParent + " once per parent key, during the load";
            case LAZY -> "{@link #" + PLAIN + "}; " + perParent + " runs once per parent, when its {@code "
                    + relationship.field() + "} is first read";
            case NO_LOAD -> "{@link #" + PLAIN + "} only; {@code " + relationship.field() + "} reads as "
                    + (relationship.isCollection() ? "an empty list" : "absent");
            case RAISE -> "{@link #" + PLAIN + "} only; reading {@code " + relationship.field() + "} throws "
                    + "{@code RelationshipNotLoadedException}";
        };
    }

    /** Whether the relationship is a collection of the entity's own kind, which a recursive load can walk. */
    public static boolean isSelfReferentialCollection(EntityModel entity, RelationshipModel relationship) {
        return relationship.kind() == RelationshipKind.ONE_TO_MANY && relationship.target().equals(entity.type());
    }

    /** {@code withBooksSelectIn}. */
    public static String methodName(RelationshipModel relationship, Strategy strategy) {
        return "with" + capitalize(relationship.field()) + strategyWord(strategy);
    }

    /** Every loader method that loads {@code relationship}, for the message of an unloaded one. */
    public static String loaderMethods(EntityModel entity, RelationshipModel relationship) {
        List<String> names = new ArrayList<>();
        for (Strategy strategy : strategies(relationship)) {
            if (strategy != Strategy.NO_LOAD && strategy != Strategy.RAISE) {
                names.add(methodName(relationship, strategy) + "()");
            }
        }
        return entity.loaderName().simpleName() + "." + String.join(", ", names);
    }

    /** {@code BOOKS_SELECT_IN}; with no strategy, {@code BOOKS_PER_PARENT}. */
    public static String constantName(RelationshipModel relationship, Strategy strategy) {
        return SqlIdentifiers.snakeCase(relationship.field()).toUpperCase(Locale.ROOT) + "_"
                + (strategy == null ? PER_PARENT : strategy.name());
    }

    private static StatementConstant perParent(EntityModel entity, RelationshipModel relationship) {
        String table = entity.table().table();
        String name = "{@code " + entity.simpleName() + "." + relationship.field() + "}";
        String lazy = relationship.form().canDefer() ? " and, when first read, in {@link #"
                + methodName(relationship, Strategy.LAZY) + "()}" : "";
        return new StatementConstant(constantName(relationship, null),
                SqlComposer.perParent(relationship.shape(), SelectTree.of(relationship.targetTable())),
                "Loads " + name + " of one parent: runs once per parent key, during the load in {@link #"
                        + methodName(relationship, Strategy.IMMEDIATE) + "()}" + lazy + ". Binds the parent's key ({@code "
                        + table + "." + relationship.shape().sourceColumn() + "}).");
    }

    private static StatementConstant statement(EntityModel entity, RelationshipModel relationship, Strategy strategy) {
        String table = entity.table().table();
        String name = "{@code " + entity.simpleName() + "." + relationship.field() + "}";
        SelectTree target = SelectTree.of(relationship.targetTable());
        String method = "{@link #" + methodName(relationship, strategy) + "()}";
        return switch (strategy) {
            case JOINED -> new StatementConstant(constantName(relationship, strategy),
                    SqlComposer.root(SelectTree.of(entity.table(), List.of(new SelectTree.Join(relationship.shape(),
                            target))), RootShaping.NONE),
                    "The only statement of " + method + ": reads {@code " + table + "} with " + name
                            + " joined in the same rows. Binds nothing.");
            case SELECT_IN -> new StatementConstant(constantName(relationship, strategy),
                    SqlComposer.selectIn(relationship.shape(), target),
                    "Runs after the root statement of " + method + ", once whatever the number of parents: reads "
                            + name + " of every parent loaded. Binds the parents' keys ({@code " + table + "."
                            + relationship.shape().sourceColumn() + "}) as one {@code "
                            + relationship.keyType().keyArrayType() + "[]}.");
            case SUBQUERY -> new StatementConstant(constantName(relationship, strategy),
                    SqlComposer.subquery(relationship.shape(), target, RowSource.root(entity.table(),
                            RootShaping.NONE).keys(List.of(), relationship.shape().sourceColumn())),
                    "Runs after {@link #" + PLAIN + "} in " + method + ": reads " + name
                            + " of the parents the root statement selects, repeating it as a subquery."
                            + " Binds what the root statement binds.");
            default -> throw new IllegalArgumentException("no fixed statement for " + strategy);
        };
    }

    private static String strategyWord(Strategy strategy) {
        StringBuilder word = new StringBuilder();
        for (String part : strategy.name().split("_")) {
            word.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return word.toString();
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
