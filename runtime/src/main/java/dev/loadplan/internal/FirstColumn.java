package dev.loadplan.internal;

import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Row mappers that read the first column of a row by index, for generated DAOs: a key an INSERT returns, or a
 * count. Shared constants, so generated code needs no lambda of its own.
 */
public final class FirstColumn {

    /** Reads the first column as a {@code Short}, null for SQL NULL. */
    public static final RowMapper<Short> SHORT = (row, context) -> row.getObject(1, Short.class);
    /** Reads the first column as an {@code Integer}, null for SQL NULL. */
    public static final RowMapper<Integer> INT = (row, context) -> row.getObject(1, Integer.class);
    /** Reads the first column as a {@code Long}, null for SQL NULL. */
    public static final RowMapper<Long> LONG = (row, context) -> row.getObject(1, Long.class);
    /** Reads the first column as a {@code String}, null for SQL NULL. */
    public static final RowMapper<String> STRING = (row, context) -> row.getString(1);
    /** Reads the first column as a {@code UUID}, null for SQL NULL. */
    public static final RowMapper<UUID> UUID = (row, context) -> row.getObject(1, java.util.UUID.class);

    private FirstColumn() {
    }
}
