package dev.loadplan.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java types a column can map to, with how a row is read by index and, for types a key can have, the SQL
 * type of the array that {@code SELECT_IN} binds keys as.
 */
public enum ScalarType {
    BOOLEAN("boolean", "getBoolean", null, "bool"),
    BOOLEAN_BOX("java.lang.Boolean", null, null, "bool"),
    SHORT("short", "getShort", "smallint", "smallint"),
    SHORT_BOX("java.lang.Short", null, "smallint", "smallint"),
    INT("int", "getInt", "integer", "integer"),
    INT_BOX("java.lang.Integer", null, "integer", "integer"),
    LONG("long", "getLong", "bigint", "bigint"),
    LONG_BOX("java.lang.Long", null, "bigint", "bigint"),
    FLOAT("float", "getFloat", null, "real"),
    FLOAT_BOX("java.lang.Float", null, null, "real"),
    DOUBLE("double", "getDouble", null, "doublePrecision"),
    DOUBLE_BOX("java.lang.Double", null, null, "doublePrecision"),
    STRING("java.lang.String", "getString", "text", "text"),
    BIG_DECIMAL("java.math.BigDecimal", "getBigDecimal", null, "numeric"),
    UUID("java.util.UUID", null, "uuid", "uuid"),
    LOCAL_DATE("java.time.LocalDate", null, null, "date"),
    LOCAL_TIME("java.time.LocalTime", null, null, "time"),
    LOCAL_DATE_TIME("java.time.LocalDateTime", null, null, "timestamp"),
    OFFSET_DATE_TIME("java.time.OffsetDateTime", null, null, "timestamptz"),
    /** Read through the runtime's {@code ColumnReads}: the driver has no getter for it. */
    INSTANT("java.time.Instant", null, null, "instant"),
    BYTES("byte[]", "getBytes", null, "bytea"),
    /** Any enum, stored by name in a text column or a PostgreSQL enum type. */
    ENUM("enum", null, null, "enumName");

    private final String javaName;
    private final String getter;
    private final String keyArrayType;
    private final String binding;

    ScalarType(String javaName, String getter, String keyArrayType, String binding) {
        this.javaName = javaName;
        this.getter = getter;
        this.keyArrayType = keyArrayType;
        this.binding = binding;
    }

    /** The type for a Java type name ({@code long}, {@code java.lang.String}), or null when none maps it. */
    public static ScalarType forJavaName(String name) {
        for (ScalarType type : values()) {
            if (type != ENUM && type.javaName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** The supported types, for messages. */
    public static String supportedNames() {
        List<String> names = new ArrayList<>();
        for (ScalarType type : values()) {
            names.add(type == ENUM ? "any enum (by name)" : type.javaName.replace("java.lang.", ""));
        }
        return String.join(", ", names);
    }

    /** The key types, for messages. */
    public static String keyNames() {
        List<String> names = new ArrayList<>();
        for (ScalarType type : values()) {
            if (type.canBeKey()) {
                names.add(type.javaName.replace("java.lang.", ""));
            }
        }
        return String.join(", ", names);
    }

    public String javaName() {
        return javaName;
    }

    public boolean isPrimitive() {
        return !javaName.contains(".") && this != BYTES && this != ENUM;
    }

    /**
     * The {@code ResultSet} getter that reads the type directly, or null where {@code getObject(index, Class)}
     * reads it (boxes, so SQL NULL stays null, and {@code java.time} and {@code UUID}).
     */
    public String getter() {
        return getter;
    }

    public boolean canBeKey() {
        return keyArrayType != null;
    }

    /** Whether the database assigns a key of this type unless the {@code @Id} says: numbers yes, UUID and text no. */
    public boolean generatedByDefault() {
        return canBeKey() && this != STRING && this != UUID;
    }

    /** Whether a {@code @Version} can be of this type. */
    public boolean canBeVersion() {
        return this == INT || this == INT_BOX || this == LONG || this == LONG_BOX;
    }

    /** The method of the runtime's {@code Binding} that binds a value of this type with its SQL type. */
    public String binding() {
        return binding;
    }

    public String keyArrayType() {
        return keyArrayType;
    }

    /** The name of the runtime's {@code ColumnType} this reads as: boxes read as their primitive. */
    public String columnType() {
        return name().replace("_BOX", "");
    }

    /** The boxed type a key of this type is compared as: both sides of a join read it so. */
    public ScalarType boxed() {
        return switch (this) {
            case BOOLEAN -> BOOLEAN_BOX;
            case SHORT -> SHORT_BOX;
            case INT -> INT_BOX;
            case LONG -> LONG_BOX;
            case FLOAT -> FLOAT_BOX;
            case DOUBLE -> DOUBLE_BOX;
            default -> this;
        };
    }
}
