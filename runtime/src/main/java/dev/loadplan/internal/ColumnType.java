package dev.loadplan.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * The Java type a column is read as, and the PostgreSQL types that read as it without loss, for the schema
 * check. Generated mappings name one per column.
 */
public enum ColumnType {
    BOOLEAN("boolean", Set.of("bool")),
    SHORT("short", Set.of("int2")),
    INT("int", Set.of("int2", "int4", "serial")),
    LONG("long", Set.of("int2", "int4", "int8", "serial", "bigserial")),
    FLOAT("float", Set.of("float4")),
    /**
     * Not {@code float4}: the driver reads a {@code real} as a {@code double} from its text (0.1) or, once it has
     * switched to binary transfer, from its bits (0.10000000149011612), so the same row would read differently by load.
     */
    DOUBLE("double", Set.of("float8")),
    STRING("String", Set.of("text", "varchar", "bpchar", "name", "citext")),
    BIG_DECIMAL("BigDecimal", Set.of("numeric", "int2", "int4", "int8")),
    UUID("UUID", Set.of("uuid")),
    LOCAL_DATE("LocalDate", Set.of("date")),
    LOCAL_TIME("LocalTime", Set.of("time")),
    LOCAL_DATE_TIME("LocalDateTime", Set.of("timestamp")),
    OFFSET_DATE_TIME("OffsetDateTime", Set.of("timestamptz")),
    INSTANT("Instant", Set.of("timestamptz")),
    BYTES("byte[]", Set.of("bytea")),
    /** An enum by name: a text column, or a PostgreSQL enum type. */
    ENUM("enum", Set.of("text", "varchar", "bpchar"));

    private final String javaName;
    private final Set<String> postgresTypes;

    ColumnType(String javaName, Set<String> postgresTypes) {
        this.javaName = javaName;
        this.postgresTypes = postgresTypes;
    }

    public String javaName() {
        return javaName;
    }

    /**
     * Whether a column of the PostgreSQL type reads as this type. {@code enumType} tells a user-defined enum,
     * which reads as any Java enum by name.
     */
    public boolean reads(String postgresType, boolean enumType) {
        return postgresTypes.contains(postgresType) || (this == ENUM && enumType);
    }

    public String postgresTypes() {
        return String.join(" or ", postgresTypes.stream().sorted().toList());
    }

    /**
     * Reads column {@code index} as generated mappings read this type, for {@link EntityMapping#unreadable} to find
     * the column a failed read could not hold; the value is dropped.
     */
    void readFrom(ResultSet row, int index) throws SQLException {
        switch (this) {
            case BOOLEAN -> row.getBoolean(index);
            case SHORT -> row.getShort(index);
            case INT -> row.getInt(index);
            case LONG -> row.getLong(index);
            case FLOAT -> row.getFloat(index);
            case DOUBLE -> row.getDouble(index);
            case STRING, ENUM -> row.getString(index);
            case BIG_DECIMAL -> row.getBigDecimal(index);
            case UUID -> row.getObject(index, java.util.UUID.class);
            case LOCAL_DATE -> row.getObject(index, LocalDate.class);
            case LOCAL_TIME -> row.getObject(index, LocalTime.class);
            case LOCAL_DATE_TIME -> row.getObject(index, LocalDateTime.class);
            case OFFSET_DATE_TIME -> row.getObject(index, OffsetDateTime.class);
            case INSTANT -> ColumnReads.instant(row, index);
            case BYTES -> row.getBytes(index);
        }
    }
}
