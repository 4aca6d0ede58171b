package dev.loadplan.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.BaseStatement;
import org.postgresql.core.Field;
import org.postgresql.core.Oid;
import org.postgresql.core.Tuple;

/**
 * The rows a nested column holds, as a {@code ResultSet} of the driver's own: the target entity's columns, typed as
 * the mapping reads them, then one JSON column for each link nested below it. The driver reads each value from
 * PostgreSQL's text form as it reads a column of a statement, so a generated mapping reads a nested child with the
 * same code, and to the same value, as a joined or selected one.
 */
final class NestedRows {

    private final Field[] fields;
    private final boolean[] dateTimes;

    private NestedRows(Field[] fields, boolean[] dateTimes) {
        this.fields = fields;
        this.dateTimes = dateTimes;
    }

    /** The rows of {@code target}'s columns and {@code nestedColumns} JSON columns after them. */
    static NestedRows of(EntityMapping<?> target, int nestedColumns) {
        List<ColumnInfo> columns = target.columns();
        int count = columns.size() + nestedColumns;
        Field[] fields = new Field[count];
        boolean[] dateTimes = new boolean[count];
        for (int i = 0; i < count; i++) {
            ColumnType type = i < columns.size() ? columns.get(i).type() : null;
            fields[i] = new Field("c" + (i + 1), type == null ? Oid.JSON : oid(type));
            dateTimes[i] = type == ColumnType.LOCAL_DATE_TIME || type == ColumnType.OFFSET_DATE_TIME
                    || type == ColumnType.INSTANT;
        }
        return new NestedRows(fields, dateTimes);
    }

    /** The type the driver reads a column as: the one its Java type reads from with no conversion. */
    private static int oid(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> Oid.BOOL;
            case SHORT -> Oid.INT2;
            case INT -> Oid.INT4;
            case LONG -> Oid.INT8;
            case FLOAT -> Oid.FLOAT4;
            case DOUBLE -> Oid.FLOAT8;
            case STRING, ENUM -> Oid.TEXT;
            case BIG_DECIMAL -> Oid.NUMERIC;
            case UUID -> Oid.UUID;
            case LOCAL_DATE -> Oid.DATE;
            case LOCAL_TIME -> Oid.TIME;
            case LOCAL_DATE_TIME -> Oid.TIMESTAMP;
            case OFFSET_DATE_TIME, INSTANT -> Oid.TIMESTAMPTZ;
            case BYTES -> Oid.BYTEA;
        };
    }

    /** The rows held by column {@code column} (0-based) of {@code row}, built by the statement that read it. */
    ResultSet of(ResultSet row, int column) throws SQLException {
        byte[] json = row.getBytes(column + 1);
        List<Tuple> tuples = new ArrayList<>();
        if (json != null) {
            for (byte[][] values : NestedJson.rows(json, fields.length, dateTimes)) {
                tuples.add(new Tuple(values));
            }
        }
        return row.getStatement().unwrap(BaseStatement.class).createDriverResultSet(fields, tuples);
    }
}
