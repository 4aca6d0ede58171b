package dev.loadplan.planner.sql;

import java.util.List;

/**
 * How two tables join for one relationship, seen from the source (the entity declaring it) to the target.
 *
 * <p>{@code sourceColumn} and {@code targetColumn} are the two columns whose values match:
 * <ul>
 *   <li>{@link Kind#FOREIGN_KEY_IN_TARGET} (one-to-many, inverse one-to-one): source id = target foreign key;
 *   <li>{@link Kind#FOREIGN_KEY_IN_SOURCE} (many-to-one, owning one-to-one): source foreign key = target id;
 *   <li>{@link Kind#JOIN_TABLE} (many-to-many): source id = {@code joinTable.joinColumn} and
 *       {@code joinTable.inverseJoinColumn} = target id.
 * </ul>
 *
 * @param name the relationship's field name, which names its join alias
 * @param joinTable the association table's name, which qualifies its columns
 * @param joinTableSchema the association table's schema, or null for the search path's
 * @param orderBy the collection's order on the target table; never empty for a collection
 */
public record RelationShape(
        String name,
        Kind kind,
        boolean many,
        String sourceColumn,
        String targetColumn,
        String joinTable,
        String joinTableSchema,
        String joinColumn,
        String inverseJoinColumn,
        List<OrderTerm> orderBy,
        boolean innerJoin) {

    public enum Kind {
        FOREIGN_KEY_IN_TARGET,
        FOREIGN_KEY_IN_SOURCE,
        JOIN_TABLE
    }

    public RelationShape {
        orderBy = List.copyOf(orderBy);
    }

    /** A relationship whose foreign key is in the target table: one-to-many, or the inverse side of one-to-one. */
    public static RelationShape foreignKeyInTarget(
            String name, boolean many, String sourceId, String targetForeignKey, List<OrderTerm> orderBy) {
        return new RelationShape(name, Kind.FOREIGN_KEY_IN_TARGET, many, sourceId, targetForeignKey,
                null, null, null, null, orderBy, false);
    }

    /** A relationship whose foreign key is in the source table: many-to-one, or the owning side of one-to-one. */
    public static RelationShape foreignKeyInSource(
            String name, String sourceForeignKey, String targetId, boolean innerJoin) {
        return new RelationShape(name, Kind.FOREIGN_KEY_IN_SOURCE, false, sourceForeignKey, targetId,
                null, null, null, null, List.of(), innerJoin);
    }

    /** A many-to-many relationship through an association table, in {@code joinTableSchema} unless it is null. */
    public static RelationShape joinTable(String name, String sourceId, String targetId, String joinTableSchema,
            String joinTable, String joinColumn, String inverseJoinColumn, List<OrderTerm> orderBy) {
        return new RelationShape(name, Kind.JOIN_TABLE, true, sourceId, targetId,
                joinTable, joinTableSchema, joinColumn, inverseJoinColumn, orderBy, false);
    }

    /**
     * The association table as FROM and JOIN name it: with its schema when it has one. Its columns stay qualified
     * by its name alone ({@code issue_labels.issue_id}), as PostgreSQL allows for a table read under its name.
     */
    public String joinTableFrom() {
        return joinTableSchema == null ? joinTable : joinTableSchema + '.' + joinTable;
    }

    /**
     * The column that a batched statement's rows are matched to their parents by, when it is not one of the
     * target's own columns: the association table's column pointing at the source.
     */
    boolean selectsParentKeySeparately() {
        return kind == Kind.JOIN_TABLE;
    }
}
