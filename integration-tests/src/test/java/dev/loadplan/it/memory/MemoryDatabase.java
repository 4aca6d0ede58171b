package dev.loadplan.it.memory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * A JDBC driver in memory, for the fast tier: each statement a test expects answers with the rows a function of its
 * parameters gives, read through an in-memory {@code ResultSet}. Everything else a connection does (transactions,
 * arrays) is recorded, so a test runs the whole runtime, JDBI included, without a database, and sees what ran.
 *
 * <p>Built on {@link Proxy}: test code, not the runtime, which uses no reflection.
 */
public final class MemoryDatabase {

    /** One statement as it ran: its SQL as JDBI sent it ({@code :name} parameters as {@code ?}), its parameters. */
    public record Executed(String sql, List<Object> parameters) {
    }

    private final Map<String, Function<List<Object>, List<Object[]>>> answers = new LinkedHashMap<>();
    private final List<Executed> executed = new ArrayList<>();
    private final List<String> transactions = new ArrayList<>();

    /**
     * Answers {@code sql} with the rows {@code rows} gives for its parameters (an {@code = ANY(?)} array arrives as
     * an {@code Object[]}); each row's values in select order.
     */
    public MemoryDatabase on(String sql, Function<List<Object>, List<Object[]>> rows) {
        answers.put(sql, rows);
        return this;
    }

    /** A {@code Jdbi} whose handles run on this database. */
    public Jdbi jdbi() {
        return Jdbi.create(this::connection);
    }

    /** Every statement run so far, in order. */
    public List<Executed> executed() {
        return List.copyOf(executed);
    }

    /**
     * {@code begin}, {@code commit} and {@code rollback}, in order, as the connection was told, and the SQL of
     * statements run outside JDBI ({@code createStatement}), which set the transaction up.
     */
    public List<String> transactions() {
        return List.copyOf(transactions);
    }

    private Connection connection() {
        boolean[] autoCommit = {true};
        boolean[] closed = {false};
        int[] isolation = {Connection.TRANSACTION_READ_COMMITTED};
        Connection[] connection = {null};
        connection[0] = proxy(Connection.class, (self, method, arguments) -> switch (method.getName()) {
            case "prepareStatement" -> statement((String) arguments[0], connection[0]);
            case "createStatement" -> proxy(java.sql.Statement.class, (statement, call, sql) -> {
                if (call.getName().equals("execute")) {
                    // Not a statement of a plan: how the connection's transaction is set up.
                    transactions.add((String) sql[0]);
                    return false;
                }
                return defaultValue(call.getReturnType());
            });
            case "createArrayOf" -> array((Object[]) arguments[1]);
            case "getAutoCommit" -> autoCommit[0];
            case "setAutoCommit" -> {
                if (autoCommit[0] && !(Boolean) arguments[0]) {
                    transactions.add("begin");
                }
                autoCommit[0] = (Boolean) arguments[0];
                yield null;
            }
            case "getTransactionIsolation" -> isolation[0];
            case "setTransactionIsolation" -> {
                isolation[0] = (Integer) arguments[0];
                yield null;
            }
            case "commit", "rollback" -> {
                transactions.add(method.getName());
                yield null;
            }
            case "isClosed" -> closed[0];
            case "close" -> {
                closed[0] = true;
                yield null;
            }
            default -> defaultValue(method.getReturnType());
        });
        return connection[0];
    }

    private PreparedStatement statement(String sql, Connection connection) {
        Map<Integer, Object> parameters = new TreeMap<>();
        ResultSet[] current = {null};
        return proxy(PreparedStatement.class, (self, method, arguments) -> {
            String name = method.getName();
            if (name.startsWith("set") && arguments != null && arguments.length >= 2
                    && arguments[0] instanceof Integer position) {
                Object value = name.equals("setNull") ? null : arguments[1];
                if (value instanceof long[] longs) {
                    // A long[] is the driver's own array of keys: kept as Long[], as an Array's elements are.
                    value = java.util.Arrays.stream(longs).boxed().toArray();
                }
                parameters.put(position, value instanceof Array array ? array.getArray() : value);
                return null;
            }
            return switch (name) {
                case "execute" -> {
                    current[0] = run(sql, parameters);
                    yield true;
                }
                case "executeQuery" -> run(sql, parameters);
                case "getResultSet" -> current[0];
                case "getConnection" -> connection;
                case "getUpdateCount" -> -1;
                case "getMoreResults" -> false;
                default -> defaultValue(method.getReturnType());
            };
        });
    }

    private ResultSet run(String sql, Map<Integer, Object> parameters) {
        List<Object> values = new ArrayList<>(parameters.values());
        executed.add(new Executed(sql, values));
        Function<List<Object>, List<Object[]>> answer = answers.get(sql);
        if (answer == null) {
            throw new IllegalStateException("no answer for statement:\n" + sql + "\nanswers: " + answers.keySet());
        }
        return resultSet(answer.apply(values));
    }

    private static Array array(Object[] elements) {
        return proxy(Array.class, (self, method, arguments) -> switch (method.getName()) {
            case "getArray" -> elements;
            default -> defaultValue(method.getReturnType());
        });
    }

    /** The rows as a forward-only {@code ResultSet}, read by 1-based index as generated mappings read. */
    private static ResultSet resultSet(List<Object[]> rows) {
        int[] at = {-1};
        boolean[] wasNull = {false};
        return proxy(ResultSet.class, (self, method, arguments) -> {
            String name = method.getName();
            if (name.equals("next")) {
                return ++at[0] < rows.size();
            }
            if (name.equals("wasNull")) {
                return wasNull[0];
            }
            if (name.startsWith("get") && arguments != null && arguments.length >= 1
                    && arguments[0] instanceof Integer column) {
                Object value = rows.get(at[0])[column - 1];
                wasNull[0] = value == null;
                return convert(value, name, arguments.length > 1 ? (Class<?>) arguments[1] : null);
            }
            return defaultValue(method.getReturnType());
        });
    }

    private static Object convert(Object value, String getter, Class<?> type) throws SQLException {
        return switch (getter) {
            case "getLong" -> value == null ? 0L : ((Number) value).longValue();
            case "getInt" -> value == null ? 0 : ((Number) value).intValue();
            case "getShort" -> value == null ? (short) 0 : ((Number) value).shortValue();
            case "getDouble" -> value == null ? 0d : ((Number) value).doubleValue();
            case "getFloat" -> value == null ? 0f : ((Number) value).floatValue();
            case "getBoolean" -> value != null && (Boolean) value;
            case "getString" -> value == null ? null : value.toString();
            case "getBigDecimal" -> value == null ? null : new BigDecimal(value.toString());
            case "getObject" -> value == null || type == null ? value : coerce(value, type);
            default -> throw new SQLException("the memory database does not read " + getter);
        };
    }

    private static Object coerce(Object value, Class<?> type) {
        if (type == Long.class) {
            return ((Number) value).longValue();
        }
        if (type == Integer.class) {
            return ((Number) value).intValue();
        }
        return type.cast(value);
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class || type == short.class) {
            return type == long.class ? 0L : type == short.class ? (short) 0 : 0;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(MemoryDatabase.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** {@code Object[]} rows, for {@link #on}. */
    public static List<Object[]> rows(Object[]... rows) {
        return Arrays.asList(rows);
    }
}
