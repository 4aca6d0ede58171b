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
 * @param orderBy the collection's order on the target table; never empty for a collection
 */
public record RelationShape(
        String name,
        Kind kind,
        boolean many,
        String sourceColumn,
        String targetColumn,
        String joinTable,
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
                null, null, null, orderBy, false);
    }

    /** A relationship whose foreign key is in the source table: many-to-one, or the owning side of one-to-one. */
    public static RelationShape foreignKeyInSource(
            String name, String sourceForeignKey, String targetId, boolean innerJoin) {
        return new RelationShape(name, Kind.FOREIGN_KEY_IN_SOURCE, false, sourceForeignKey, targetId,
                null, null, null, List.of(), innerJoin);
    }

    /** A many-to-many relationship through an association table. */
    public static RelationShape joinTable(String name, String sourceId, String targetId, String joinTable,
            String joinColumn, String inverseJoinColumn, List<OrderTerm> orderBy) {
        return new RelationShape(name, Kind.JOIN_TABLE, true, sourceId, targetId,
                joinTable, joinColumn, inverseJoinColumn, orderBy, false);
    }

    /**
     * The column that a batched statement's rows are matched to their parents by, when it is not one of the
     * target's own columns: the association table's column pointing at the source.
     */
    boolean selectsParentKeySeparately() {
        return kind == Kind.JOIN_TABLE;
    }
}
