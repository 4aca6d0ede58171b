package dev.loadplan.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads of column types that JDBC and the driver have no getter for; generated mappings call them. */
public final class ColumnReads {

    private ColumnReads() {
    }

    /**
     * A {@code timestamptz} column as an {@link Instant}, or null for SQL NULL. The driver reads no {@code Instant}
     * itself; it reads the column as an {@link OffsetDateTime}, the same instant, and {@code 'infinity'} and
     * {@code '-infinity'} as {@link OffsetDateTime#MAX} and {@link OffsetDateTime#MIN}, which are
     * {@link Instant#MAX} and {@link Instant#MIN} here (their own instants, at offsets of 18 hours, are not).
     */
    public static Instant instant(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        if (value == null) {
            return null;
        }
        if (value.equals(OffsetDateTime.MAX)) {
            return Instant.MAX;
        }
        return value.equals(OffsetDateTime.MIN) ? Instant.MIN : value.toInstant();
    }
}
