package dev.loadplan.internal;

import dev.loadplan.planner.MappedEntity;
import dev.loadplan.planner.sql.TableShape;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * How rows of one entity's table become objects. Generated code implements it for each entity
 * ({@code AuthorMapping}), reading columns by index with no reflection.
 *
 * @param <E> the entity
 */
public abstract class EntityMapping<E> implements MappedEntity {

    private final String entityName;
    private final TableShape table;
    private final List<ColumnInfo> columns;

    /** @param columns what each column of {@code table} is to the entity, in the same order */
    protected EntityMapping(String entityName, TableShape table, List<ColumnInfo> columns) {
        if (columns.size() != table.columns().size()) {
            throw new IllegalArgumentException(entityName + " describes " + columns.size() + " columns of "
                    + table.columns().size());
        }
        this.entityName = entityName;
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** What each column of {@link #table()} is to the entity, in select order. */
    public final List<ColumnInfo> columns() {
        return columns;
    }

    /** The entity's simple class name, for messages. */
    @Override
    public final String entityName() {
        return entityName;
    }

    @Override
    public final TableShape table() {
        return table;
    }

    /**
     * Reads the primary key of the row whose columns start at {@code offset} (0-based), or null when it is SQL
     * NULL, as it is where an outer join found no row.
     */
    public abstract Object readId(ResultSet row, int offset) throws SQLException;

    /**
     * Reads a whole row whose columns start at {@code offset} (0-based): the entity itself for a class, or for a
     * record the {@link RecordHolder} it is built from once the load is complete.
     */
    public abstract Object read(ResultSet row, int offset) throws SQLException;

    /**
     * The entity a row read by {@link #read} stands for: the object itself for a class; for a record, the record
     * built from the holder, children first.
     */
    @SuppressWarnings("unchecked")
    public E complete(Object read, RecordHolder.RecordBuild build) {
        return (E) read;
    }

    /** Whether rows are built into records after the load, rather than being the entities themselves. */
    @Override
    public boolean buildsRecords() {
        return false;
    }

    /** Every row of {@code read}, completed: for a class the same objects; for a record the built records. */
    public final List<E> completeAll(List<?> read) {
        if (!buildsRecords()) {
            @SuppressWarnings("unchecked")
            List<E> entities = (List<E>) read;
            return entities;
        }
        RecordHolder.RecordBuild build = new RecordHolder.RecordBuild();
        List<E> records = new java.util.ArrayList<>(read.size());
        for (Object row : read) {
            records.add(complete(row, build));
        }
        return records;
    }

    /** Every relationship the entity declares, in declaration order. */
    @Override
    public abstract List<Relation<E, ?>> relations();

    @Override
    public String toString() {
        return entityName + " (" + table.table() + ")";
    }
}
