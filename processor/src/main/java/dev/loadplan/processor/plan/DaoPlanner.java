package dev.loadplan.processor.plan;

import dev.loadplan.planner.sql.TableShape;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.EntityModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Plans an entity's DAO statements: which columns each writes, in which order its parameters bind. */
public final class DaoPlanner {

    public static final String INSERT = "INSERT";
    public static final String UPDATE = "UPDATE";
    public static final String DELETE = "DELETE";
    public static final String COUNT = "COUNT";

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

    /** The columns {@code update} sets, in parameter order; the key binds after them, in the WHERE clause. */
    public static List<Integer> updateColumns(EntityModel entity) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < entity.columns().size(); i++) {
            if (!entity.columns().get(i).id()) {
                indexes.add(i);
            }
        }
        return indexes;
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
        String insert = "INSERT INTO " + table.table() + values + (generated ? "\nRETURNING " + id : "");
        List<String> assignments = new ArrayList<>();
        for (String column : names(table, updateColumns(entity))) {
            assignments.add(column + " = ?");
        }
        List<StatementConstant> constants = new ArrayList<>();
        String binds = insertNames.isEmpty() ? "binds nothing" : insertNames.size() == 1
                ? "binds " + insertNames.get(0) : "binds " + String.join(", ", insertNames) + ", in that order";
        constants.add(new StatementConstant(INSERT, insert, "Run by {@code insert}: " + binds
                + (generated ? "; returns the key the database assigns." : ".")));
        if (!assignments.isEmpty()) {
            constants.add(new StatementConstant(UPDATE, "UPDATE " + table.table() + "\nSET "
                    + String.join(", ", assignments) + "\nWHERE " + id + " = ?",
                    "Run by {@code update}: binds every column but the key, then the key."));
        }
        constants.add(new StatementConstant(DELETE, "DELETE FROM " + table.table() + "\nWHERE " + id + " = ?",
                "Run by {@code delete}: binds the key."));
        constants.add(new StatementConstant(COUNT, "SELECT count(*)\nFROM " + table.table(),
                "Run by {@code count}: binds nothing."));
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
