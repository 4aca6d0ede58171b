package dev.loadplan.internal;

import dev.loadplan.planner.sql.TableShape;
import java.util.List;
import java.util.Objects;

/**
 * An entity's table as generated code describes it, by name rather than by position:
 *
 * <pre>{@code
 * Table.named("orders").inSchema("sales").columns("id", "customer_id", "placed_at").key("id")
 * }</pre>
 *
 * Names are as SQL reads them, quoted where PostgreSQL needs it. Immutable: each call returns a new description.
 */
public final class Table {

    private final String name;
    private final String schema;
    private final List<String> columns;
    private final String key;

    private Table(String name, String schema, List<String> columns, String key) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = schema;
        this.columns = columns;
        this.key = key;
    }

    /** {@return the table {@code name}, in the search path's schemas until {@link #inSchema} says otherwise} */
    public static Table named(String name) {
        return new Table(name, null, List.of(), null);
    }

    /** {@return this table in {@code schema}} */
    public Table inSchema(String schema) {
        return new Table(name, Objects.requireNonNull(schema, "schema"), columns, key);
    }

    /** {@return this table with {@code columns}, in the order rows are read by index} */
    public Table columns(String... columns) {
        return new Table(name, schema, List.of(columns), key);
    }

    /** {@return this table with {@code column}, one of its columns, as its primary key} */
    public Table key(String column) {
        return new Table(name, schema, columns, Objects.requireNonNull(column, "column"));
    }

    /** The table as the planner reads it; fails when no column or no key was named. */
    TableShape shape() {
        if (key == null) {
            throw new IllegalStateException("table " + name + " names no key column");
        }
        int keyIndex = columns.indexOf(key);
        if (keyIndex < 0) {
            throw new IllegalStateException("table " + name + "'s key " + key + " is not one of its columns "
                    + columns);
        }
        return new TableShape(name, columns, keyIndex, schema);
    }
}
