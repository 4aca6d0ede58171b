package dev.loadplan.processor.model;

import com.palantir.javapoet.ClassName;
import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.PlannedStatement;
import dev.loadplan.planner.sql.SqlIdentifiers;
import java.util.Locale;

/**
 * Every name generated code is given, decided here and only here, so a member and the code (or message, or Javadoc)
 * that refers to it always agree: the classes generated for an entity, always top-level in the entity's package
 * ({@code AuthorLoader} for {@code Author}, {@code Outer_InnerLoader} for a nested {@code Outer.Inner}); the
 * loader's entry points ({@code withBooksSelectIn}); the constants holding statements ({@code BOOKS_SELECT_IN},
 * {@code INSERT}); a mapping's relations ({@code BOOKS_RELATION}, {@code BooksRelation}); a DAO's link methods
 * ({@code linkTags}). A loader's names for one relationship are the field's; those of two relationships may meet
 * only where one field is named as the other's entry point ({@code booksLazy} beside {@code books}), which
 * {@link #entryPointNamed} finds so the processor can refuse it.
 */
public final class GeneratedNames {

    /**
     * The constant of a class entity's mapping that lists its fields in declaration order, comma-separated, for a
     * later compilation that reads the entity from its class file: Eclipse's compiler lists a compiled class's fields
     * sorted by name, javac in the order of the class file.
     */
    public static final String DECLARED_FIELDS = "DECLARED_FIELDS";

    /** The constant holding the root statement of {@code plain()}. */
    public static final String PLAIN = "PLAIN";

    /** The suffix of the constant holding a statement that loads one parent's relationship. */
    public static final String PER_PARENT = "PER_PARENT";

    /** A DAO's statement constants. */
    public static final String INSERT = "INSERT";
    public static final String UPDATE = "UPDATE";
    public static final String DELETE = "DELETE";
    public static final String DELETE_VERSION = "DELETE_VERSION";
    public static final String COUNT = "COUNT";
    public static final String CURRENT_VERSION = "CURRENT_VERSION";

    private GeneratedNames() {
    }

    /** {@code withBooksSelectIn}: the entry point loading {@code relationship} with {@code strategy}. */
    public static String entryPoint(RelationshipModel relationship, LoadStrategy strategy) {
        return "with" + capitalized(relationship.field()) + strategy.word();
    }

    /**
     * {@code withBooks}: the entry point, taking the target's plan, that goes down {@code relationship} keeping the
     * strategy it would have (SQLAlchemy's {@code defaultload}).
     */
    public static String defaultLinkEntryPoint(RelationshipModel relationship) {
        return "with" + capitalized(relationship.field());
    }

    /**
     * Which of the entry points of {@code relationship}, of {@code entity}, is named {@code method}, as a message
     * says it ({@code LAZY entry point}); null when none is: one per strategy its field can hold, the recursive one
     * of a self-referential collection, and the one keeping its strategy.
     */
    public static String entryPointNamed(String method, ClassName entity, RelationshipModel relationship) {
        if (method.equals(defaultLinkEntryPoint(relationship))) {
            return "entry point that keeps its strategy";
        }
        for (LoadStrategy strategy : LoadStrategy.values()) {
            if (relationship.fits(strategy) && method.equals(entryPoint(relationship, strategy))) {
                return strategy + " entry point";
            }
        }
        boolean selfReferentialCollection = relationship.kind() == RelationshipKind.ONE_TO_MANY
                && relationship.target().equals(entity);
        return selfReferentialCollection && method.equals(recursiveEntryPoint(relationship)) ? "recursive entry point"
                : null;
    }

    /** {@code withChildrenRecursive}: the entry point walking a self-referential collection down. */
    public static String recursiveEntryPoint(RelationshipModel relationship) {
        return "with" + capitalized(relationship.field()) + "Recursive";
    }

    /**
     * The name a constant holding {@code statement} would like, for its place in a plan: {@code PLAIN} for the root
     * statement of {@code plain()}, {@code BOOKS_JOINED} for a root statement that joins {@code books},
     * {@code WITH_BOOKS_SELECT_IN_ROOT} for another entry point's, {@code BOOKS_REVIEWS_SELECT_IN} for a step loading
     * {@code books.reviews}, {@code BOOKS_PER_PARENT} for a statement run once per parent. {@code method} is the
     * entry point, {@code relationship} and {@code strategy} what it names (null for {@code plain()}).
     */
    public static String statementConstant(PlannedStatement<?, ?> statement, String method,
            RelationshipModel relationship, LoadStrategy strategy, boolean recursive) {
        if (statement.when() == PlannedStatement.When.ROOT) {
            if (relationship == null) {
                return PLAIN;
            }
            if (recursive) {
                return constantStem(relationship.field()) + "_RECURSIVE";
            }
            if (strategy == LoadStrategy.JOINED || strategy == LoadStrategy.NESTED) {
                return constantStem(relationship.field()) + "_" + strategy.name();
            }
            return constantStem(method) + "_ROOT";
        }
        StringBuilder name = new StringBuilder();
        for (String part : statement.path().split("\\.")) {
            name.append(constantStem(part)).append('_');
        }
        return name + (statement.when() == PlannedStatement.When.BATCH ? statement.strategy().name() : PER_PARENT);
    }

    /** {@code BOOKS_RELATION}: the suffix keeps it apart from the mapping's own constants, whatever the field is. */
    public static String relationConstant(RelationshipModel relationship) {
        return constantStem(relationship.field()) + "_RELATION";
    }

    /** {@code BooksRelation}: the mapping's nested class that reads and writes the field. */
    public static String relationClass(RelationshipModel relationship) {
        return capitalized(relationship.field()) + "Relation";
    }

    /** {@code linkTags}: the DAO method writing association rows of many-to-many {@code relationship}. */
    public static String linkMethod(RelationshipModel relationship) {
        return "link" + capitalized(relationship.field());
    }

    /** {@code unlinkTags}: the DAO method deleting association rows of many-to-many {@code relationship}. */
    public static String unlinkMethod(RelationshipModel relationship) {
        return "unlink" + capitalized(relationship.field());
    }

    /** {@code TAGS_LINK}: the constant that writes association rows of many-to-many {@code relationship}. */
    public static String linkConstant(RelationshipModel relationship) {
        return constantStem(relationship.field()) + "_LINK";
    }

    /** {@code TAGS_UNLINK}: the constant that deletes association rows of many-to-many {@code relationship}. */
    public static String unlinkConstant(RelationshipModel relationship) {
        return constantStem(relationship.field()) + "_UNLINK";
    }

    /** {@code BOOK_TAGS} for {@code bookTags}. */
    private static String constantStem(String javaName) {
        return SqlIdentifiers.snakeCase(javaName).toUpperCase(Locale.ROOT);
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public static ClassName loader(ClassName entity) {
        return generated(entity, "Loader");
    }

    public static ClassName loaderPlan(ClassName entity) {
        return loader(entity).nestedClass("Plan");
    }

    public static ClassName mapping(ClassName entity) {
        return generated(entity, "Mapping");
    }

    public static ClassName dao(ClassName entity) {
        return generated(entity, "Dao");
    }

    private static ClassName generated(ClassName entity, String suffix) {
        return ClassName.get(entity.packageName(), String.join("_", entity.simpleNames()) + suffix);
    }
}
