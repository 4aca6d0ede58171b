package dev.loadplan.planner.sql;

import java.util.List;

/**
 * An entity's table as SQL sees it. Identifiers are already quoted where needed; {@code columns} is the select
 * list in the order rows are read by index, and {@code idIndex} points at the primary key in it.
 */
public record TableShape(String table, List<String> columns, int idIndex) {

    public TableShape {
        columns = List.copyOf(columns);
        if (idIndex < 0 || idIndex >= columns.size()) {
            throw new IllegalArgumentException("idIndex " + idIndex + " is outside the columns of " + table);
        }
    }

    public String idColumn() {
        return columns.get(idIndex);
    }

    public int indexOf(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(table + " has no column " + column + " in " + columns);
        }
        return index;
    }
}
