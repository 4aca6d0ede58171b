package dev.loadplan.internal;

/**
 * What a mapping knows of one of its columns: the field that holds it (null for a foreign key only a
 * relationship uses), the type it reads as, whether the field is primitive (so cannot hold NULL), and, for an enum,
 * its constants (else null). Generated code names which with its factories:
 *
 * <pre>{@code
 * ColumnInfo.primitive("id", ColumnType.LONG)
 * ColumnInfo.nullable("title", ColumnType.STRING)
 * ColumnInfo.nullable("mood", ColumnType.ENUM).constants(new EnumConstants<>("Mood", Mood::valueOf, Mood::values))
 * }</pre>
 */
public record ColumnInfo(String field, ColumnType type, boolean primitive, EnumConstants<?> constants) {

    /** {@return a column held by a primitive field, which cannot hold NULL} */
    public static ColumnInfo primitive(String field, ColumnType type) {
        return new ColumnInfo(field, type, true, null);
    }

    /** {@return a column held by a field of a reference type, which holds NULL as null; or by no field when null} */
    public static ColumnInfo nullable(String field, ColumnType type) {
        return new ColumnInfo(field, type, false, null);
    }

    /** {@return this column, an enum's, whose constants are {@code constants}} */
    public ColumnInfo constants(EnumConstants<?> constants) {
        return new ColumnInfo(field, type, primitive, constants);
    }
}
