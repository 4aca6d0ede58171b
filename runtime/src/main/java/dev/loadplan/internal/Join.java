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
    private final boolean many;
    private final String sourceColumn;
    private final String targetColumn;
    private final String joinTable;
    private final String joinTableSchema;
    private final String joinColumn;
    private final String inverseJoinColumn;
    private final List<OrderTerm> orderBy;
    private final boolean innerJoin;

    private Join(RelationShape.Kind kind, String field, boolean many, String sourceColumn, String targetColumn,
            String joinTable, String joinTableSchema, String joinColumn, String inverseJoinColumn,
            List<OrderTerm> orderBy, boolean innerJoin) {
        this.kind = kind;
        this.field = Objects.requireNonNull(field, "field");
        this.many = many;
        this.sourceColumn = sourceColumn;
        this.targetColumn = targetColumn;
        this.joinTable = joinTable;
        this.joinTableSchema = joinTableSchema;
        this.joinColumn = joinColumn;
        this.inverseJoinColumn = inverseJoinColumn;
        this.orderBy = List.copyOf(orderBy);
        this.innerJoin = innerJoin;
    }

    /**
     * {@return a to-one whose foreign key {@code column} is in the declaring entity's table; {@link #to} names the
     * target's column it holds}
     */
    public static Join foreignKeyInSource(String field, String column) {
        return new Join(RelationShape.Kind.FOREIGN_KEY_IN_SOURCE, field, false, column, null, null, null, null, null,
                List.of(), false);
    }

    /**
     * {@return a collection whose foreign key {@code column} is in the target's table; {@link #from} names the
     * declaring entity's column it holds, {@link #single} makes it a to-one}
     */
    public static Join foreignKeyInTarget(String field, String column) {
        return new Join(RelationShape.Kind.FOREIGN_KEY_IN_TARGET, field, true, null, column, null, null, null, null,
                List.of(), false);
    }

    /**
     * {@return a many-to-many through the association table {@code table}; {@link #from} and {@link #to} name its
     * columns and the keys they hold}
     */
    public static Join joinTable(String field, String table) {
        return new Join(RelationShape.Kind.JOIN_TABLE, field, true, null, null, table, null, null, null, List.of(),
                false);
    }

    /** {@return this many-to-many with its association table in {@code schema}} */
    public Join inSchema(String schema) {
        requireKind(RelationShape.Kind.JOIN_TABLE, "inSchema");
        return new Join(kind, field, many, sourceColumn, targetColumn, joinTable, schema, joinColumn,
                inverseJoinColumn, orderBy, innerJoin);
    }

    /** {@return this join, whose foreign key holds the declaring entity's {@code column}} */
    public Join from(String column) {
        requireKind(RelationShape.Kind.FOREIGN_KEY_IN_TARGET, "from(column)");
        return new Join(kind, field, many, column, targetColumn, joinTable, joinTableSchema, joinColumn,
                inverseJoinColumn, orderBy, innerJoin);
    }

    /** {@return this many-to-many, whose association table's {@code joinColumn} holds the declaring entity's {@code key}} */
    public Join from(String key, String joinColumn) {
        requireKind(RelationShape.Kind.JOIN_TABLE, "from(key, joinColumn)");
        return new Join(kind, field, many, key, targetColumn, joinTable, joinTableSchema, joinColumn,
                inverseJoinColumn, orderBy, innerJoin);
    }

    /** {@return this join, whose foreign key holds the target's {@code column}} */
    public Join to(String column) {
        requireKind(RelationShape.Kind.FOREIGN_KEY_IN_SOURCE, "to(column)");
        return new Join(kind, field, many, sourceColumn, column, joinTable, joinTableSchema, joinColumn,
                inverseJoinColumn, orderBy, innerJoin);
    }

    /** {@return this many-to-many, whose association table's {@code inverseJoinColumn} holds the target's {@code key}} */
    public Join to(String inverseJoinColumn, String key) {
        requireKind(RelationShape.Kind.JOIN_TABLE, "to(inverseJoinColumn, key)");
        return new Join(kind, field, many, sourceColumn, key, joinTable, joinTableSchema, joinColumn,
                inverseJoinColumn, orderBy, innerJoin);
    }

    /** {@return this foreign key in the target as a to-one: the inverse side of a one-to-one} */
    public Join single() {
        requireKind(RelationShape.Kind.FOREIGN_KEY_IN_TARGET, "single");
        return new Join(kind, field, false, sourceColumn, targetColumn, joinTable, joinTableSchema, joinColumn,
                inverseJoinColumn, orderBy, innerJoin);
    }

    /** {@return this to-one joined with INNER JOIN: its foreign key is NOT NULL} */
    public Join innerJoin() {
        requireKind(RelationShape.Kind.FOREIGN_KEY_IN_SOURCE, "innerJoin");
        return new Join(kind, field, many, sourceColumn, targetColumn, joinTable, joinTableSchema, joinColumn,
                inverseJoinColumn, orderBy, true);
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
        List<OrderTerm> terms = new ArrayList<>(orderBy);
        terms.add(term);
        return new Join(kind, field, many, sourceColumn, targetColumn, joinTable, joinTableSchema, joinColumn,
                inverseJoinColumn, terms, innerJoin);
    }

    private void requireKind(RelationShape.Kind expected, String call) {
        if (kind != expected) {
            throw new IllegalStateException(call + " describes a join of kind " + expected + ", not " + field
                    + "'s " + kind);
        }
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
