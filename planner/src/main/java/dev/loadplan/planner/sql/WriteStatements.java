package dev.loadplan.planner.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a DAO's statements: the writes of one row by key, the count, a version's read-back, and a many-to-many's
 * link writes. With {@link SqlComposer}'s reads, every statement loadplan runs is built in this package, and written by
 * {@link SqlPrinter}. Names are as SQL reads them, quoted where PostgreSQL needs it; values are always {@code ?}
 * parameters.
 */
public final class WriteStatements {

    /** How an UPDATE sets a column. */
    public enum ColumnWrite {
        /** {@code column = ?}: a column a field holds, written as the field is. */
        VALUE,
        /**
         * {@code column = CASE WHEN ? THEN ? ELSE column END}: a foreign key only a relationship holds, written when the
         * relationship holds what it points at, else kept.
         */
        IF_HELD,
        /** {@code column = column + 1}: the {@code @Version}, checked in the WHERE clause. */
        NEXT_VERSION
    }

    /** A column an UPDATE sets, and how. */
    public record Assignment(String column, ColumnWrite write) {
    }

    private WriteStatements() {
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (?, ...)}, returning {@code table}'s key when the database assigns it
     * ({@code returnsKey}); a row of no column but such a key is inserted with {@code DEFAULT VALUES}.
     */
    public static String insert(TableShape table, List<String> columns, boolean returnsKey) {
        return SqlPrinter.statement(new Sql.Insert(table.from(), columns, null, returnsKey ? table.idColumn() : null));
    }

    /**
     * {@code UPDATE table SET ... WHERE key = ?}, and {@code AND version = ?} when {@code versionColumn} is not null.
     */
    public static String update(TableShape table, List<Assignment> assignments, String versionColumn) {
        List<String> sets = new ArrayList<>();
        for (Assignment assignment : assignments) {
            String column = assignment.column();
            sets.add(switch (assignment.write()) {
                case VALUE -> column + " = ?";
                case IF_HELD -> column + " = CASE WHEN ? THEN ? ELSE " + column + " END";
                case NEXT_VERSION -> column + " = " + column + " + 1";
            });
        }
        return SqlPrinter.statement(new Sql.Update(table.from(), sets, byKey(table, versionColumn)));
    }

    /** {@code DELETE FROM table WHERE key = ?}, and {@code AND version = ?} when {@code versionColumn} is not null. */
    public static String delete(TableShape table, String versionColumn) {
        return SqlPrinter.statement(new Sql.Delete(table.from(), byKey(table, versionColumn)));
    }

    /** {@code SELECT count(*) FROM table}. */
    public static String count(TableShape table) {
        return SqlPrinter.statement(new Sql.Select(List.of("count(*)"), Sql.Source.of(table.from()), List.of(),
                Sql.Conjunction.NONE, List.of(), false));
    }

    /** {@code SELECT version FROM table WHERE key = ?}: why a versioned write found no row at its version. */
    public static String currentVersion(TableShape table, String versionColumn) {
        return SqlPrinter.statement(new Sql.Select(List.of(versionColumn), Sql.Source.of(table.from()), List.of(),
                byKey(table, null), List.of(), false));
    }

    /**
     * The association row of many-to-many {@code relation} from the owner's key to the target's, unless it is there:
     * NOT EXISTS rather than ON CONFLICT, so it is idempotent whether or not the table has a key over both columns.
     */
    public static String link(RelationShape relation) {
        String owner = relation.joinColumn();
        String target = relation.inverseJoinColumn();
        Sql.Select existing = new Sql.Select(List.of("1"), Sql.Source.of(relation.joinTableFrom(), "lp_row"),
                List.of(), Sql.Conjunction.of("lp_row." + owner + " = link." + owner,
                        "lp_row." + target + " = link." + target), List.of(), false);
        Sql.Select link = new Sql.Select(List.of("link." + owner, "link." + target),
                Sql.Source.of("(VALUES (?, ?))", "link (" + owner + ", " + target + ")"), List.of(),
                Sql.Conjunction.of("NOT EXISTS (" + SqlPrinter.inline(existing) + ")"), List.of(), false);
        return SqlPrinter.statement(new Sql.Insert(relation.joinTableFrom(), List.of(owner, target), link, null));
    }

    /** The deletion of the association row of many-to-many {@code relation} from the owner's key to the target's. */
    public static String unlink(RelationShape relation) {
        return SqlPrinter.statement(new Sql.Delete(relation.joinTableFrom(),
                Sql.Conjunction.of(relation.joinColumn() + " = ?", relation.inverseJoinColumn() + " = ?")));
    }

    private static Sql.Conjunction byKey(TableShape table, String versionColumn) {
        return versionColumn == null ? Sql.Conjunction.of(table.idColumn() + " = ?")
                : Sql.Conjunction.of(table.idColumn() + " = ?", versionColumn + " = ?");
    }
}
