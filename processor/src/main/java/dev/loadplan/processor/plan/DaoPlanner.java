package dev.loadplan.processor.plan;

import dev.loadplan.planner.sql.TableShape;
import dev.loadplan.planner.sql.WriteStatements;
import dev.loadplan.planner.sql.WriteStatements.ColumnWrite;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.GeneratedNames;
import dev.loadplan.processor.model.RelationshipKind;
import dev.loadplan.processor.model.RelationshipModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans an entity's DAO statements: which columns each writes, and how. A write changes only what the caller set: a
 * foreign key that only a relationship holds is written only when the relationship holds what it points at (a
 * loaded {@code Ref}, a plain reference that is not null), else the column keeps its stored key.
 */
public final class DaoPlanner {


    /** A column {@code update} sets, and how. */
    public record UpdateColumn(int index, ColumnWrite write) {
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
            ColumnWrite write = column.version() ? ColumnWrite.NEXT_VERSION
                    : column.isMapped() ? ColumnWrite.VALUE : ColumnWrite.IF_HELD;
            columns.add(new UpdateColumn(i, write));
        }
        return columns;
    }

    /** The many-to-many relationships {@code entity} declares, whose association rows its DAO writes. */
    public static List<RelationshipModel> linkedRelationships(EntityModel entity) {
        return entity.relationships().stream()
                .filter(relationship -> relationship.kind() == RelationshipKind.MANY_TO_MANY).toList();
    }

    /** The DAO's statements, as constants with their Javadoc: what each binds, and which method runs it. */
    public static List<StatementConstant> statements(EntityModel entity) {
        TableShape table = entity.table();
        boolean generated = entity.id().generated();
        List<String> insertNames = names(table, insertColumns(entity));
        List<StatementConstant> constants = new ArrayList<>();
        String binds = insertNames.isEmpty() ? "binds nothing" : insertNames.size() == 1
                ? "binds " + insertNames.get(0) : "binds " + String.join(", ", insertNames) + ", in that order";
        constants.add(new StatementConstant(GeneratedNames.INSERT,
                WriteStatements.insert(table, insertNames, generated), "Run by {@code insert} and {@code insertAll}: "
                        + binds + (generated ? "; returns the key the database assigns." : ".")));
        List<UpdateColumn> updates = updateColumns(entity);
        ColumnModel version = entity.version();
        String versionColumn = version == null ? null : table.columns().get(entity.columns().indexOf(version));
        if (!updates.isEmpty()) {
            List<WriteStatements.Assignment> assignments = new ArrayList<>();
            List<String> bound = new ArrayList<>();
            for (UpdateColumn update : updates) {
                String column = table.columns().get(update.index());
                assignments.add(new WriteStatements.Assignment(column, update.write()));
                switch (update.write()) {
                    case VALUE -> bound.add(column);
                    case IF_HELD -> bound.add("whether to write " + column + " (its relationship holds what it "
                            + "points at) and its value");
                    case NEXT_VERSION -> { }
                }
            }
            bound.add("the key");
            if (version != null) {
                bound.add("the version the entity was read with");
            }
            constants.add(new StatementConstant(GeneratedNames.UPDATE,
                    WriteStatements.update(table, assignments, versionColumn), "Run by {@code update} and "
                    + "{@code updateAll}: binds " + String.join("; then ", bound) + (version == null ? "."
                    : ". Adds one to the version; a row changed since the entity was read is not updated.")));
        }
        constants.add(new StatementConstant(GeneratedNames.DELETE, WriteStatements.delete(table, null),
                version == null ? "Run by {@code delete}: binds the key."
                        : "Run by {@code delete(id)}, whatever the row's version: binds the key."));
        if (version != null) {
            constants.add(new StatementConstant(GeneratedNames.DELETE_VERSION,
                    WriteStatements.delete(table, versionColumn), "Run by {@code delete(entity)}: binds the key, then "
                            + "the version the entity was read with; a row changed since the entity\nwas read is not "
                            + "deleted."));
        }
        constants.add(new StatementConstant(GeneratedNames.COUNT, WriteStatements.count(table),
                "Run by {@code count}: binds nothing."));
        for (RelationshipModel relationship : linkedRelationships(entity)) {
            String method = "{@code " + relationship.field() + "}";
            constants.add(new StatementConstant(GeneratedNames.linkConstant(relationship),
                    WriteStatements.link(relationship.shape()), "Run by {@code "
                            + GeneratedNames.linkMethod(relationship) + "}, once per entity linked to " + method
                            + " in one batch: binds the key of the entity\nthat declares it, then the linked entity's; "
                            + "a link already there is left as it is."));
            constants.add(new StatementConstant(GeneratedNames.unlinkConstant(relationship),
                    WriteStatements.unlink(relationship.shape()), "Run by {@code "
                            + GeneratedNames.unlinkMethod(relationship) + "}, once per entity unlinked from " + method
                            + " in one batch: binds the key of\nthe entity that declares it, then the unlinked "
                            + "entity's."));
        }
        if (version != null) {
            constants.add(new StatementConstant(GeneratedNames.CURRENT_VERSION,
                    WriteStatements.currentVersion(table, versionColumn), "Run when an update or a delete finds no "
                            + "row at the version the entity was read with, to say why: binds the key."));
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
