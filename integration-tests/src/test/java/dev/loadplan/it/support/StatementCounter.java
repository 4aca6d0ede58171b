package dev.loadplan.it.support;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts the SQL statements that JDBI actually executes, as seen by JDBI's own {@link SqlLogger} hook,
 * so a test can assert e.g. "this graph loaded in exactly 2 queries" without trusting anything the
 * code under test reports about itself.
 *
 * <p>Install it with {@code jdbi.setSqlLogger(counter)} ({@link EmbeddedPostgresExtension} does that for
 * the per-class {@code Jdbi} and resets it before each test). It counts each JDBC execution JDBI
 * performs: a {@code Query}, {@code Update} or {@code Call} is one; a {@code PreparedBatch} or a
 * {@code Script} is one however many rows or statements it carries. Transaction control
 * ({@code begin}/{@code commit}/{@code rollback}) goes through the JDBC {@code Connection}, not through
 * JDBI statements, and is not counted.
 *
 * <p>Thread-safe: statements executed on several threads are all counted.
 */
public final class StatementCounter implements SqlLogger {

    /** What {@link #statements()} shows for a {@code Batch} (e.g. a {@code Script}): JDBI hands the logger no SQL text for it. */
    public static final String UNKNOWN_SQL = "<batch>";

    private final AtomicInteger count = new AtomicInteger();
    private final Queue<String> statements = new ConcurrentLinkedQueue<>();

    /**
     * Called by JDBI just before it hands a statement to the driver; a statement that then fails still counts.
     *
     * <p>We record {@link StatementContext#getRenderedSql()} rather than {@code getParsedSql().getSql()}:
     * both are set by now, and both are the same statement after template rendering; the parsed form
     * only rewrites {@code :name} parameters to JDBC {@code ?}, which loses information and adds none.
     * The rendered form reads the way the code under test wrote it, which makes assertion messages and
     * {@code contains(...)} checks easier. It is {@code null} for a plain {@code Batch}.
     */
    @Override
    public void logBeforeExecution(StatementContext context) {
        String sql = context.getRenderedSql();
        statements.add(sql != null ? sql : UNKNOWN_SQL);
        count.incrementAndGet();
    }

    /** Forgets everything counted so far. Not meant to race with statements still running. */
    public void reset() {
        statements.clear();
        count.set(0);
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
