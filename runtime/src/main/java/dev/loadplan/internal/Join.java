package dev.loadplan.internal;

import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a relationship's tables join, as generated code describes it, by name rather than by position. Each
 * relationship is one of three kinds, each named for where its foreign key is:
 *
 * <pre>{@code
 * Join.foreignKeyInSource("author", "author_id").to("id")                  // many-to-one, owning one-to-one
 * Join.foreignKeyInTarget("books", "author_id").from("id").orderBy("id")   // one-to-many
 * Join.foreignKeyInTarget("profile", "author_id").from("id").single()      // inverse one-to-one
 * Join.joinTable("labels", "issue_labels").inSchema("tracker")             // many-to-many
 *         .from("id", "issue_id").to("label_id", "id").orderBy("id")
 * }</pre>
 *
 * The first argument is the relationship's field, which names its join alias; columns are as SQL reads them.
 * Immutable: each call returns a new description.
 */
public final class Join {

    private final RelationShape.Kind kind;
    private final String field;
    // Not final only so that each method can change its own copy: a Join is never changed once returned.
    private boolean many;
    private String sourceColumn;
    private String targetColumn;
    private String joinTable;
    private String joinTableSchema;
    private String joinColumn;
    private String inverseJoinColumn;
    private List<OrderTerm> orderBy = List.of();
    private boolean innerJoin;

    private Join(RelationShape.Kind kind, String field, boolean many) {
        this.kind = kind;
        this.field = Objects.requireNonNull(field, "field");
        this.many = many;
    }

    /**
     * {@return a to-one whose foreign key {@code column} is in the declaring entity's table; {@link #to} names the
     * target's column it holds}
     */
    public static Join foreignKeyInSource(String field, String column) {
        Join join = new Join(RelationShape.Kind.FOREIGN_KEY_IN_SOURCE, field, false);
        join.sourceColumn = column;
        return join;
    }

    /**
     * {@return a collection whose foreign key {@code column} is in the target's table; {@link #from} names the
     * declaring entity's column it holds, {@link #single} makes it a to-one}
     */
    public static Join foreignKeyInTarget(String field, String column) {
        Join join = new Join(RelationShape.Kind.FOREIGN_KEY_IN_TARGET, field, true);
        join.targetColumn = column;
        return join;
    }

    /**
     * {@return a many-to-many through the association table {@code table}; {@link #from} and {@link #to} name its
     * columns and the keys they hold}
     */
    public static Join joinTable(String field, String table) {
        Join join = new Join(RelationShape.Kind.JOIN_TABLE, field, true);
        join.joinTable = table;
        return join;
    }

    /** {@return this many-to-many with its association table in {@code schema}} */
    public Join inSchema(String schema) {
        Join join = copyOf(RelationShape.Kind.JOIN_TABLE, "inSchema");
        join.joinTableSchema = schema;
        return join;
    }

    /** {@return this join, whose foreign key holds the declaring entity's {@code column}} */
    public Join from(String column) {
        Join join = copyOf(RelationShape.Kind.FOREIGN_KEY_IN_TARGET, "from(column)");
        join.sourceColumn = column;
        return join;
    }

    /** {@return this many-to-many, whose association table's {@code joinColumn} holds the declaring entity's {@code key}} */
    public Join from(String key, String joinColumn) {
        Join join = copyOf(RelationShape.Kind.JOIN_TABLE, "from(key, joinColumn)");
        join.sourceColumn = key;
        join.joinColumn = joinColumn;
        return join;
    }

    /** {@return this join, whose foreign key holds the target's {@code column}} */
    public Join to(String column) {
        Join join = copyOf(RelationShape.Kind.FOREIGN_KEY_IN_SOURCE, "to(column)");
        join.targetColumn = column;
        return join;
    }

    /** {@return this many-to-many, whose association table's {@code inverseJoinColumn} holds the target's {@code key}} */
    public Join to(String inverseJoinColumn, String key) {
        Join join = copyOf(RelationShape.Kind.JOIN_TABLE, "to(inverseJoinColumn, key)");
        join.inverseJoinColumn = inverseJoinColumn;
        join.targetColumn = key;
        return join;
    }

    /** {@return this foreign key in the target as a to-one: the inverse side of a one-to-one} */
    public Join single() {
        Join join = copyOf(RelationShape.Kind.FOREIGN_KEY_IN_TARGET, "single");
        join.many = false;
        return join;
    }

    /** {@return this to-one joined with INNER JOIN: its foreign key is NOT NULL} */
    public Join innerJoin() {
        Join join = copyOf(RelationShape.Kind.FOREIGN_KEY_IN_SOURCE, "innerJoin");
        join.innerJoin = true;
        return join;
    }

    /** {@return this collection ordered next by the target's {@code column}, ascending} */
    public Join orderBy(String column) {
        return ordered(new OrderTerm(column, false));
    }

    /** {@return this collection ordered next by the target's {@code column}, descending} */
    public Join orderByDescending(String column) {
        return ordered(new OrderTerm(column, true));
    }

    private Join ordered(OrderTerm term) {
        if (!many) {
            throw new IllegalStateException(field + " is a to-one: only a collection has an order");
        }
        Join join = copy();
        List<OrderTerm> terms = new ArrayList<>(orderBy);
        terms.add(term);
        join.orderBy = List.copyOf(terms);
        return join;
    }

    /** A copy of this join for {@code call} to change, which only a join of kind {@code expected} may make. */
    private Join copyOf(RelationShape.Kind expected, String call) {
        if (kind != expected) {
            throw new IllegalStateException(call + " describes a join of kind " + expected + ", not " + field
                    + "'s " + kind);
        }
        return copy();
    }

    /** The one place every attribute of a join is listed, so that a new one is added here and in {@link #shape}. */
    private Join copy() {
        Join join = new Join(kind, field, many);
        join.sourceColumn = sourceColumn;
        join.targetColumn = targetColumn;
        join.joinTable = joinTable;
        join.joinTableSchema = joinTableSchema;
        join.joinColumn = joinColumn;
        join.inverseJoinColumn = inverseJoinColumn;
        join.orderBy = orderBy;
        join.innerJoin = innerJoin;
        return join;
    }

    /** The join as the planner reads it. */
    RelationShape shape() {
        return switch (kind) {
            case FOREIGN_KEY_IN_SOURCE -> RelationShape.foreignKeyInSource(field, sourceColumn, required(targetColumn),
                    innerJoin);
            case FOREIGN_KEY_IN_TARGET -> RelationShape.foreignKeyInTarget(field, many, required(sourceColumn),
                    targetColumn, orderBy);
            case JOIN_TABLE -> RelationShape.joinTable(field, required(sourceColumn), required(targetColumn),
                    joinTableSchema, joinTable, joinColumn, inverseJoinColumn, orderBy);
        };
    }

    private String required(String column) {
        if (column == null) {
            throw new IllegalStateException(field + "'s join names only one of its two columns");
        }
        return column;
    }
}
