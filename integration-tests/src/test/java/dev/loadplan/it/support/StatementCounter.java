package dev.loadplan.it.support;

import dev.loadplan.internal.Pooler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Counts the SQL statements that reach the JDBC driver, so a test can assert e.g. "this graph loaded in exactly 2
 * queries" without trusting anything the code under test reports about itself: it counts below JDBI and loadplan
 * alike, at the JDBC connection.
 *
 * <p>{@link #wrap(DataSource)} gives a {@code DataSource} whose connections count ({@link EmbeddedPostgresExtension}
 * creates each test class's {@code Jdbi} on one and resets the counter before each test). One execution is one
 * statement: a query or an update, and a batch however many rows or statements it carries; a prepared statement
 * holding several statements, as a plan's round trip does, counts each of them (split as {@link SqlScript} splits
 * them). Transaction control ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, {@code SET TRANSACTION}, savepoints)
 * is not counted, whether it goes through the JDBC {@code Connection} or as SQL, nor is the question of a
 * transaction's isolation a plan asks in the caller's transaction, nor loadplan's question to a new connection,
 * whether it is pooled ({@link Pooler#PROBE}), asked once per connection, which {@link #poolerProbes()} counts. The
 * SQL recorded is what the driver got: JDBI's named parameters are {@code ?} there.
 *
 * <p>Thread-safe: statements executed on several threads are all counted.
 */
public final class StatementCounter {

    /** What {@link #statements()} shows for a batch of plain statements (e.g. a JDBI {@code Script}). */
    public static final String UNKNOWN_SQL = "<batch>";

    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?is)\\s*(BEGIN|START\\s+TRANSACTION|COMMIT|ROLLBACK|SET\\s+TRANSACTION|SAVEPOINT|RELEASE"
            + "|SHOW\\s+transaction_isolation)\\b.*");

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger poolerProbes = new AtomicInteger();
    private final Queue<String> statements = new ConcurrentLinkedQueue<>();
    private volatile Consumer<String> afterExecution = sql -> { };

    /** A {@code DataSource} on {@code dataSource} whose statements this counter counts. */
    public DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, (proxy, method, args) -> {
            Object result = invoke(dataSource, method, args);
            return result instanceof Connection connection ? counting(connection) : result;
        });
    }

    /** Runs {@code action} after each counted statement has executed, with its SQL; null for nothing. */
    public void afterExecution(Consumer<String> action) {
        afterExecution = action == null ? sql -> { } : action;
    }

    private Connection counting(Connection connection) {
        return proxy(Connection.class, (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            String name = method.getName();
            if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql) {
                return counting(PreparedStatement.class, prepared, sql, proxy);
            }
            if (result instanceof Statement plain && name.equals("createStatement")) {
                return counting(Statement.class, plain, null, proxy);
            }
            return result;
        });
    }

    /** A statement that counts each execution: of {@code prepared} SQL, or of the SQL each call passes. */
    private <S extends Statement> S counting(Class<S> type, S statement, String prepared, Object connection) {
        List<String> batch = new ArrayList<>();
        return proxy(type, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connection;
            }
            if (name.equals("addBatch") && args != null && args[0] instanceof String sql) {
                batch.add(sql);
            }
            Object result = invoke(statement, method, args);
            if (name.startsWith("execute")) {
                String sql = prepared != null ? prepared
                        : args != null && args.length > 0 && args[0] instanceof String given ? given
                        : batch.size() == 1 ? batch.get(0) : UNKNOWN_SQL;
                if (name.endsWith("Batch")) {
                    batch.clear();
                }
                if (sql.equals(Pooler.PROBE)) {
                    poolerProbes.incrementAndGet();
                } else {
                    // Statements sent together in one round trip reach the driver as one: each counts.
                    for (String one : prepared != null ? SqlScript.statements(sql) : List.of(sql)) {
                        if (!TRANSACTION_CONTROL.matcher(one).matches()) {
                            statements.add(one);
                            count.incrementAndGet();
                            afterExecution.accept(one);
                        }
                    }
                }
            }
            return result;
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    /** Forgets everything counted so far. Not meant to race with statements still running. */
    public void reset() {
        statements.clear();
        count.set(0);
        poolerProbes.set(0);
    }

    /** How often loadplan asked a connection whether it is pooled since the last {@link #reset()}. */
    public int poolerProbes() {
        return poolerProbes.get();
    }

    /** Statements executed since the last {@link #reset()}. */
    public int count() {
        return count.get();
    }

    /** The SQL of each statement executed since the last {@link #reset()}, in execution order (a copy). */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** Runs {@code action} and returns how many statements it executed. Does not reset the counter. */
    public int countDuring(Runnable action) {
        return measure(() -> {
            action.run();
            return null;
        }).count();
    }

    /**
     * Runs {@code action} and returns its result with the statements it executed. Does not reset the
     * counter: it takes the statements added while {@code action} ran, so earlier counts stay intact
     * (statements run concurrently on other threads through the same {@code Jdbi} are included too).
     */
    public <T> Counted<T> measure(Supplier<T> action) {
        int before = statements.size();
        T value = action.get();
        List<String> all = statements();
        return new Counted<>(value, all.subList(Math.min(before, all.size()), all.size()));
    }

    @Override
    public String toString() {
        List<String> sql = statements();
        return sql.size() + " statement(s) " + sql;
    }

    /** A result together with the SQL statements that producing it executed. */
    public record Counted<T>(T value, List<String> statements) {

        public Counted {
            statements = List.copyOf(statements);
        }

        public int count() {
            return statements.size();
        }
    }
}
