package dev.loadplan.processor.plan;

import dev.loadplan.Strategy;
import dev.loadplan.internal.sql.RootShaping;
import dev.loadplan.internal.sql.SelectTree;
import dev.loadplan.internal.sql.SqlComposer;
import dev.loadplan.internal.sql.SqlIdentifiers;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.RelationshipModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plans an entity's loader: its entry points and the fixed statement of each, written by the same
 * {@link SqlComposer} the runtime uses, so a plan's {@code sql()} is exactly these constants.
 */
public final class LoaderPlanner {

    /** The strategies a loader has entry points for. */
    public static final List<Strategy> STRATEGIES = List.of(Strategy.JOINED, Strategy.SELECT_IN, Strategy.SUBQUERY);

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
            for (Strategy strategy : STRATEGIES) {
                constants.add(statement(entity, relationship, strategy));
            }
        }
        return constants;
    }

    /** The loader's entry points, one per relationship and strategy, in declaration order. */
    public static List<LoaderMethod> methods(EntityModel entity) {
        List<LoaderMethod> methods = new ArrayList<>();
        for (RelationshipModel relationship : entity.relationships()) {
            for (Strategy strategy : STRATEGIES) {
                String constant = constantName(relationship, strategy);
                String statements = strategy == Strategy.JOINED ? constant : PLAIN + ", then " + constant;
                methods.add(new LoaderMethod(methodName(relationship, strategy), relationship, strategy, statements));
            }
        }
        return methods;
    }

    /** {@code withBooksSelectIn}. */
    public static String methodName(RelationshipModel relationship, Strategy strategy) {
        return "with" + capitalize(relationship.field()) + strategyWord(strategy);
    }

    /** Every loader method that loads {@code relationship}, for the message of an unloaded one. */
    public static String loaderMethods(EntityModel entity, RelationshipModel relationship) {
        List<String> names = new ArrayList<>();
        for (Strategy strategy : STRATEGIES) {
            names.add(methodName(relationship, strategy) + "()");
        }
        return entity.loaderName().simpleName() + "." + String.join(", ", names);
    }

    /** {@code BOOKS_SELECT_IN}. */
    public static String constantName(RelationshipModel relationship, Strategy strategy) {
        return SqlIdentifiers.snakeCase(relationship.field()).toUpperCase(Locale.ROOT) + "_" + strategy.name();
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
                    SqlComposer.subquery(relationship.shape(), target, SqlComposer.rootKeys(entity.table(),
                            relationship.shape().sourceColumn(), RootShaping.NONE)),
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
