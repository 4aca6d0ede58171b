package dev.loadplan.internal;

/**
 * What a mapping knows of one of its columns: the field that holds it (null for a foreign key only a
 * relationship uses), the type it reads as, whether the field is primitive (so cannot hold NULL), and, for an enum,
 * its constants (else null).
 */
public record ColumnInfo(String field, ColumnType type, boolean primitive, EnumConstants<?> constants) {

    /** A column that is not an enum's. */
    public ColumnInfo(String field, ColumnType type, boolean primitive) {
        this(field, type, primitive, null);
    }
}
