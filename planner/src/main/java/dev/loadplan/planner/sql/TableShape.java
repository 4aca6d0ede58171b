package dev.loadplan.planner.sql;

import java.util.List;

/**
 * An entity's table as SQL sees it. Identifiers are already quoted where needed; {@code columns} is the select
 * list in the order rows are read by index, and {@code idIndex} points at the primary key in it. {@code schema},
 * when set, names the table's schema: statements read {@link #from()} ({@code sales.orders}) and still qualify
 * columns by the table's own name ({@code orders.id}), as PostgreSQL allows for a table read under its name.
 */
public record TableShape(String table, List<String> columns, int idIndex, String schema) {

    /** A table of the search path's schemas. */
    public TableShape(String table, List<String> columns, int idIndex) {
        this(table, columns, idIndex, null);
    }

    public TableShape {
        columns = List.copyOf(columns);
        if (idIndex < 0 || idIndex >= columns.size()) {
            throw new IllegalArgumentException("idIndex " + idIndex + " is outside the columns of " + table);
        }
    }

    /** The table as FROM, JOIN, INSERT, UPDATE and DELETE name it: with its schema when it has one. */
    public String from() {
        return schema == null ? table : schema + '.' + table;
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
