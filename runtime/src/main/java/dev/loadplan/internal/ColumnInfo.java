package dev.loadplan.internal;

/**
 * What a mapping knows of one of its columns: the field that holds it (null for a foreign key only a
 * relationship uses), the type it reads as, and whether the field is primitive (so cannot hold NULL).
 */
public record ColumnInfo(String field, ColumnType type, boolean primitive) {
}
