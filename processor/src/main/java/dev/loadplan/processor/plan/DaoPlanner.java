package dev.loadplan.processor.plan;

import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.TableShape;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.GeneratedNames;
import dev.loadplan.processor.model.RelationshipKind;
import dev.loadplan.processor.model.RelationshipModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plans an entity's DAO statements: which columns each writes, and how. A write changes only what the caller set: a
 * foreign key that only a relationship holds is written only when the relationship holds what it points at (a
 * loaded {@code Ref}, a plain reference that is not null), else the column keeps its stored key.
 */
public final class DaoPlanner {


    /** How {@code update} writes a column. */
    public enum Write {
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

    /** A column {@code update} sets, and how. */
    public record UpdateColumn(int index, Write write) {
    }

    private DaoPlanner() {
    }

    /** The columns {@code insert} writes, in parameter order: all but a key the database generates. */
    public static List<Integer> insertColumns(EntityModel entity) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < entity.columns().size(); i++) {
            ColumnModel column = entity.columns().get(i);
            if (!(column.id() && column.generated())) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /** The columns {@code update} sets, in order; the key binds after them, then the version it was read with. */
    public static List<UpdateColumn> updateColumns(EntityModel entity) {
        List<UpdateColumn> columns = new ArrayList<>();
        for (int i = 0; i < entity.columns().size(); i++) {
            ColumnModel column = entity.columns().get(i);
            if (column.id()) {
                continue;
            }
            Write write = column.version() ? Write.NEXT_VERSION : column.isMapped() ? Write.VALUE : Write.IF_HELD;
            columns.add(new UpdateColumn(i, write));
        }
        return columns;
    }

    /** The many-to-many relationships {@code entity} declares, whose association rows its DAO writes. */
    public static List<RelationshipModel> linkedRelationships(EntityModel entity) {
        return entity.relationships().stream()
                .filter(relationship -> relationship.kind() == RelationshipKind.MANY_TO_MANY).toList();
    }

    public static List<StatementConstant> statements(EntityModel entity) {
        TableShape table = entity.table();
        String id = table.idColumn();
        boolean generated = entity.id().generated();
        List<String> insertNames = names(table, insertColumns(entity));
        // A table whose only column is a generated key has nothing to list: DEFAULT VALUES fills the row.
        String values = insertNames.isEmpty() ? "\nDEFAULT VALUES"
                : " (" + String.join(", ", insertNames) + ")\nVALUES ("
                        + String.join(", ", Collections.nCopies(insertNames.size(), "?")) + ")";
        String insert = "INSERT INTO " + table.from() + values + (generated ? "\nRETURNING " + id : "");
        List<StatementConstant> constants = new ArrayList<>();
        String binds = insertNames.isEmpty() ? "binds nothing" : insertNames.size() == 1
                ? "binds " + insertNames.get(0) : "binds " + String.join(", ", insertNames) + ", in that order";
        constants.add(new StatementConstant(GeneratedNames.INSERT, insert, "Run by {@code insert} and {@code insertAll}: " + binds
                + (generated ? "; returns the key the database assigns." : ".")));
        List<UpdateColumn> updates = updateColumns(entity);
        ColumnModel version = entity.version();
        if (!updates.isEmpty()) {
            List<String> assignments = new ArrayList<>();
            List<String> bound = new ArrayList<>();
            for (UpdateColumn update : updates) {
                String column = table.columns().get(update.index());
                switch (update.write()) {
                    case VALUE -> {
                        assignments.add(column + " = ?");
                        bound.add(column);
                    }
                    case IF_HELD -> {
                        assignments.add(column + " = CASE WHEN ? THEN ? ELSE " + column + " END");
                        bound.add("whether to write " + column + " (its relationship holds what it points at) and "
                                + "its value");
                    }
                    case NEXT_VERSION -> assignments.add(column + " = " + column + " + 1");
                }
            }
            String where = "\nWHERE " + id + " = ?" + (version == null ? ""
                    : " AND " + table.columns().get(entity.columns().indexOf(version)) + " = ?");
            bound.add("the key");
            if (version != null) {
                bound.add("the version the entity was read with");
            }
            constants.add(new StatementConstant(GeneratedNames.UPDATE, "UPDATE " + table.from() + "\nSET "
                    + String.join(", ", assignments) + where, "Run by {@code update} and {@code updateAll}: binds "
                    + String.join("; then ", bound) + (version == null ? "." : ". Adds one to the version; a row "
                    + "changed since the entity was read is not updated.")));
        }
        constants.add(new StatementConstant(GeneratedNames.DELETE, "DELETE FROM " + table.from() + "\nWHERE " + id + " = ?",
                version == null ? "Run by {@code delete}: binds the key."
                        : "Run by {@code delete(id)}, whatever the row's version: binds the key."));
        if (version != null) {
            constants.add(new StatementConstant(GeneratedNames.DELETE_VERSION, "DELETE FROM " + table.from() + "\nWHERE " + id
                    + " = ? AND " + table.columns().get(entity.columns().indexOf(version)) + " = ?",
                    "Run by {@code delete(entity)}: binds the key, then the version the entity was read with; a row "
                            + "changed since the entity\nwas read is not deleted."));
        }
        constants.add(new StatementConstant(GeneratedNames.COUNT, "SELECT count(*)\nFROM " + table.from(),
                "Run by {@code count}: binds nothing."));
        for (RelationshipModel relationship : linkedRelationships(entity)) {
            RelationShape shape = relationship.shape();
            String joinTable = shape.joinTableFrom();
            String owner = shape.joinColumn();
            String target = shape.inverseJoinColumn();
            String method = "{@code " + relationship.field() + "}";
            // NOT EXISTS rather than ON CONFLICT: idempotent whether or not the table has a key over both columns.
            String link = "INSERT INTO " + joinTable + " (" + owner + ", " + target + ")"
                    + "\nSELECT link." + owner + ", link." + target
                    + "\nFROM (VALUES (?, ?)) AS link (" + owner + ", " + target + ")"
                    + "\nWHERE NOT EXISTS (SELECT 1 FROM " + joinTable + " AS lp_row WHERE lp_row." + owner + " = link."
                    + owner + " AND lp_row." + target + " = link." + target + ")";
            constants.add(new StatementConstant(GeneratedNames.linkConstant(relationship), link,
                    "Run by {@code " + GeneratedNames.linkMethod(relationship) + "}, once per entity linked to "
                            + method + " in one batch: binds the key of the entity\nthat declares it, then the "
                            + "linked entity's; a link already there is left as it is."));
            constants.add(new StatementConstant(GeneratedNames.unlinkConstant(relationship), "DELETE FROM " + joinTable
                    + "\nWHERE " + owner + " = ? AND " + target + " = ?", "Run by {@code "
                    + GeneratedNames.unlinkMethod(relationship) + "}, once per entity unlinked from " + method
                    + " in one batch: binds the key of\nthe entity that declares it, then the unlinked entity's."));
        }
        if (version != null) {
            constants.add(new StatementConstant(GeneratedNames.CURRENT_VERSION, "SELECT "
                    + table.columns().get(entity.columns().indexOf(version)) + "\nFROM " + table.from() + "\nWHERE "
                    + id + " = ?", "Run when an update or a delete finds no row at the version the entity was "
                    + "read with, to say why: binds the key."));
        }
        return constants;
    }

    private static List<String> names(TableShape table, List<Integer> indexes) {
        List<String> names = new ArrayList<>();
        for (int index : indexes) {
            names.add(table.columns().get(index));
        }
        return names;
    }
}
