package dev.loadplan.sample;

import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts the statements JDBI sends to the database, through JDBI's own {@link SqlLogger} hook, so the numbers
 * in the report come from what actually ran rather than from what a plan says it will run.
 *
 * <p>Install with {@code jdbi.setSqlLogger(counter)}. Transaction control (begin, commit, isolation level)
 * goes through the JDBC connection, not through JDBI statements, so it is not counted.
 */
final class StatementCounter implements SqlLogger {

    private final AtomicInteger count = new AtomicInteger();

    /** Called by JDBI just before each statement reaches the driver. */
    @Override
    public void logBeforeExecution(StatementContext context) {
        count.incrementAndGet();
    }

    /** Statements executed since the counter was installed; take the difference around the work to measure. */
    int count() {
        return count.get();
    }
}
