package dev.loadplan.internal;

import dev.loadplan.Ref;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Values bound with their SQL type, nulls included, so statements run on a plain {@code Jdbi} with no plugin: a null
 * UUID is a null {@code uuid}, not a null {@code varchar}, and an enum goes as untyped text that the column's type
 * takes in, a PostgreSQL enum type as well as {@code text}. Generated DAOs bind every column through these, and the
 * runtime every key. Each shows as its value in JDBI's SQL logger and exceptions.
 */
public final class Binding {

    /** How many keys of an array a log line or an exception shows. */
    static final int KEYS_SHOWN = 20;

    private Binding() {
    }

    public static Argument bool(Boolean value) {
        return value == null ? nullOf(Types.BOOLEAN)
                : new Bound(value, (position, statement, context) -> statement.setBoolean(position, value));
    }

    public static Argument smallint(Short value) {
        return value == null ? nullOf(Types.SMALLINT)
                : new Bound(value, (position, statement, context) -> statement.setShort(position, value));
    }

    public static Argument integer(Integer value) {
        return value == null ? nullOf(Types.INTEGER)
                : new Bound(value, (position, statement, context) -> statement.setInt(position, value));
    }

    public static Argument bigint(Long value) {
        return value == null ? nullOf(Types.BIGINT)
                : new Bound(value, (position, statement, context) -> statement.setLong(position, value));
    }

    public static Argument real(Float value) {
        return value == null ? nullOf(Types.REAL)
                : new Bound(value, (position, statement, context) -> statement.setFloat(position, value));
    }

    public static Argument doublePrecision(Double value) {
        return value == null ? nullOf(Types.DOUBLE)
                : new Bound(value, (position, statement, context) -> statement.setDouble(position, value));
    }

    public static Argument text(String value) {
        return value == null ? nullOf(Types.VARCHAR)
                : new Bound(value, (position, statement, context) -> statement.setString(position, value));
    }

    public static Argument numeric(BigDecimal value) {
        return value == null ? nullOf(Types.NUMERIC)
                : new Bound(value, (position, statement, context) -> statement.setBigDecimal(position, value));
    }

    public static Argument uuid(UUID value) {
        return value == null ? nullOf(Types.OTHER)
                : new Bound(value, (position, statement, context) -> statement.setObject(position, value));
    }

    public static Argument date(LocalDate value) {
        return value == null ? nullOf(Types.DATE)
                : new Bound(value, (position, statement, context) -> statement.setObject(position, value));
    }

    public static Argument time(LocalTime value) {
        return value == null ? nullOf(Types.TIME)
                : new Bound(value, (position, statement, context) -> statement.setObject(position, value));
    }

    public static Argument timestamp(LocalDateTime value) {
        return value == null ? nullOf(Types.TIMESTAMP)
                : new Bound(value, (position, statement, context) -> statement.setObject(position, value));
    }

    public static Argument timestamptz(OffsetDateTime value) {
        return value == null ? nullOf(Types.TIMESTAMP_WITH_TIMEZONE)
                : new Bound(value, (position, statement, context) -> statement.setObject(position, value));
    }

    /**
     * An instant as PostgreSQL's {@code timestamptz}, which keeps the instant; sent at UTC. {@link Instant#MAX} and
     * {@link Instant#MIN} are {@code 'infinity'} and {@code '-infinity'}, as reading them gives them back.
     */
    public static Argument instant(Instant value) {
        if (value == null) {
            return nullOf(Types.TIMESTAMP_WITH_TIMEZONE);
        }
        if (value.equals(Instant.MAX)) {
            return timestamptz(OffsetDateTime.MAX);
        }
        return timestamptz(value.equals(Instant.MIN) ? OffsetDateTime.MIN : OffsetDateTime.ofInstant(value,
                ZoneOffset.UTC));
    }

    public static Argument bytea(byte[] value) {
        return value == null ? nullOf(Types.BINARY)
                : new Bound(value, (position, statement, context) -> statement.setBytes(position, value));
    }

    /** An enum by name, untyped, so a {@code text} column and a PostgreSQL enum column both take it. */
    public static Argument enumName(Enum<?> value) {
        return value == null ? nullOf(Types.OTHER)
                : new Bound(value, (position, statement, context) -> statement.setObject(position, value.name(), Types.OTHER));
    }

    /** A key, whatever type it is: {@code short}, {@code int}, {@code long}, text or UUID. */
    public static Argument key(Object key) {
        if (key instanceof Long value) {
            return bigint(value);
        }
        if (key instanceof Integer value) {
            return integer(value);
        }
        if (key instanceof Short value) {
            return smallint(value);
        }
        if (key instanceof String value) {
            return text(value);
        }
        if (key instanceof UUID value) {
            return uuid(value);
        }
        throw new IllegalArgumentException("not a key: " + key);
    }

    /**
     * Keys as the one array parameter of {@code = ANY(?)}: a {@code long[]} as the driver's own array of {@code int8},
     * unboxed (whatever width the key column has, PostgreSQL compares it), other keys as a {@code java.sql.Array} of
     * {@code arrayType}. It shows as the keys, the first {@value #KEYS_SHOWN} of them.
     */
    public static Argument keys(String arrayType, Object keys) {
        if (keys instanceof long[] longs) {
            return new Keys(longs, (position, statement, context) -> statement.setObject(position, longs));
        }
        Object[] objects = (Object[]) keys;
        // The driver's array holds no resource beyond the statement's: it goes with it.
        return new Keys(objects, (position, statement, context) -> statement.setArray(position,
                statement.getConnection().createArrayOf(arrayType, objects)));
    }

    /**
     * Whether a reference holds what it points at, loaded (a target or none), so that writing it writes what the
     * caller holds. Not loaded, not loaded yet (lazy) or left out by the plan ({@code NO_LOAD}): its column keeps
     * the stored key.
     */
    public static boolean loaded(Ref<?> reference) {
        return reference != null && reference != Ref.noLoad() && reference.isLoaded();
    }

    private static Argument nullOf(int sqlType) {
        return new Bound(null, (position, statement, context) -> statement.setNull(position, sqlType));
    }

    /** An array of keys and how it is set; it shows as its first keys and how many more there are. */
    private record Keys(Object keys, Argument setter) implements Argument {

        @Override
        public void apply(int position, PreparedStatement statement, StatementContext context) throws SQLException {
            setter.apply(position, statement, context);
        }

        @Override
        public String toString() {
            int count = keys instanceof long[] longs ? longs.length : ((Object[]) keys).length;
            int shown = Math.min(count, KEYS_SHOWN);
            String first = keys instanceof long[] longs ? Arrays.toString(Arrays.copyOf(longs, shown))
                    : Arrays.toString(Arrays.copyOf((Object[]) keys, shown));
            return shown == count ? first
                    : first.substring(0, first.length() - 1) + ", ... " + (count - shown) + " more]";
        }
    }

    /** A value and how it is set; it shows as the value. */
    private record Bound(Object value, Argument setter) implements Argument {

        @Override
        public void apply(int position, PreparedStatement statement, StatementContext context) throws SQLException {
            setter.apply(position, statement, context);
        }

        @Override
        public String toString() {
            return value instanceof byte[] bytes ? "byte[" + bytes.length + "]" : String.valueOf(value);
        }
    }
}
