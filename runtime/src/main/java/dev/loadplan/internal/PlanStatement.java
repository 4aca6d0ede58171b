package dev.loadplan.internal;

import dev.loadplan.StatementFailedException;
import dev.loadplan.planner.sql.JdbcSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.Arguments;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * One statement of a plan, bound, run on a handle with its rows handed to a reader.
 *
 * <p>Every statement runs as a JDBI query, whoever listens: so JDBI's {@link SqlLogger}, its statement listeners
 * (JDBI's OpenTelemetry plugin among them) and statement customizers see each statement of a plan as they see the
 * caller's own, with its values, its timing, and the rows the plan read from it (set on the statement's context before
 * it closes), and observing a load never changes how it runs. A statement of loadplan's own binds only keys and
 * paging, by position, as the {@code Argument}s it made; one that holds SQL the caller wrote binds the caller's values
 * through their {@code Jdbi}'s argument factories.
 */
abstract class PlanStatement {

    /** Reads a statement's rows. */
    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final StatementName name;
    /** The SQL the statement gives JDBI. */
    private final String sql;
    /** The SQL JDBI gave the driver, once the statement ran; null before. */
    private String driverSql;

    private PlanStatement(StatementName name, String sql) {
        this.name = name;
        this.sql = sql;
    }

    /** The SQL the statement gives JDBI. */
    final String sql() {
        return sql;
    }

    final StatementName name() {
        return name;
    }

    /**
     * The statement as a {@link RoundTrip} sends it with others, bound ahead: the SQL JDBI gives the driver when it
     * runs the statement, with a {@code ?} for each value, and the values by position.
     */
    record Ahead(String sql, Argument[] arguments) {
    }

    /** The statement bound ahead, as JDBI will bind it when it runs; null when it cannot be known before. */
    abstract Ahead ahead(Handle handle);

    /**
     * Loadplan's own {@code sql}, in its JDBC form, its parameters {@code arguments} by position; {@code name} names it
     * in a failure.
     */
    static PlanStatement own(StatementName name, String sql, Argument... arguments) {
        return new PlanStatement(name, sql) {
            @Override
            Ahead ahead(Handle handle) {
                return new Ahead(sql, arguments);
            }

            @Override
            RowCursor cursor(Handle handle, Integer fetchSize) {
                Query query = handle.createQuery(sql);
                try {
                    // The SQL runs as the constant shows it: no template engine of the caller's (which might read a
                    // '<' of ours as a template's) renders it, which also spares a copy of it per statement.
                    query.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
                    // The values are Arguments already: JDBI finds their factory at once, where a search of its
                    // preparable factories, run again in each statement's copy of the settings, costs more.
                    query.getConfig(Arguments.class).setPreparedArgumentsEnabled(false);
                    for (int i = 0; i < arguments.length; i++) {
                        query.bind(i, arguments[i]);
                    }
                    return openCursor(query, fetchSize);
                } catch (RuntimeException e) {
                    closeUnder(query, e);
                    throw e;
                }
            }
        };
    }

    /**
     * Runs {@code query}, with {@code fetchSize} when given; its result set stays open until the query closes, which
     * first tells the query's context how many rows the plan read.
     */
    final RowCursor openCursor(Query query, Integer fetchSize) {
        if (fetchSize != null) {
            query.setFetchSize(fetchSize);
        }
        ResultSet rows = query.scanResultSet((result, context) -> result.get());
        driverSql = driverSql(query.getContext());
        return new RowCursor(rows, rowsRead -> {
            query.getContext().setMappedRows(rowsRead);
            query.close();
        });
    }

    /**
     * Binds the plan's named values to {@code query}: every one the plan and its links bind, of which this statement
     * may name only some (a link's value goes to the statement holding that link's fragment).
     */
    private static void bindCallers(Query query, Consumer<Query> binds) {
        query.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        binds.accept(query);
    }

    /** Closes {@code resource} after {@code failure}, keeping a failure to close as suppressed. */
    private static void closeUnder(AutoCloseable resource, Exception failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * A statement that binds what the plan's root binds ({@code binds}): the root's own, or a subquery repeating it.
     * In its JDBC form ({@code jdbc}) when it has one, which it has unless it repeats SQL the caller wrote for the root
     * (a subquery may hold its own link's fragment, whose values bind through the handle's argument factories); else
     * through JDBI.
     */
    static PlanStatement bindingRoot(StatementName name, String sql, JdbcSql jdbc, RootBinds binds, Handle handle) {
        if (jdbc == null) {
            return withCallerSql(name, sql, binds);
        }
        return own(name, jdbc.sql(), binds.arguments(jdbc.parameters(), null, handle));
    }

    /** A statement holding the caller's SQL, run as a JDBI query binding {@code binds} by name. */
    static PlanStatement withCallerSql(StatementName name, String sql, RootBinds binds) {
        return new PlanStatement(name, sql) {
            /**
             * The caller's SQL as JDBI renders and parses it when it runs the statement, with the handle's template
             * engine and parser, its named values bound by position as the names come; null for SQL whose values are
             * positional, which loadplan does not bind.
             */
            @Override
            Ahead ahead(Handle handle) {
                try (Query query = handle.createQuery(sql)) {
                    StatementContext context = query.getContext();
                    SqlStatements statements = query.getConfig(SqlStatements.class);
                    ParsedSql parsed = statements.getSqlParser().parse(
                            statements.getTemplateEngine().render(sql, context), context);
                    if (parsed.getParameters().isPositional()) {
                        return null;
                    }
                    return new Ahead(parsed.getSql(),
                            binds.arguments(parsed.getParameters().getParameterNames(), null, handle));
                }
            }

            @Override
            RowCursor cursor(Handle handle, Integer fetchSize) {
                Query query = handle.createQuery(sql);
                try {
                    bindCallers(query, binds::applyTo);
                    return openCursor(query, fetchSize);
                } catch (RuntimeException e) {
                    closeUnder(query, e);
                    throw e;
                }
            }
        };
    }

    /**
     * Runs the statement with its rows left open to read, {@code fetchSize} at a time from a server-side cursor when
     * given (in a transaction), else as the driver fetches them (all at once, by default). Closing the cursor closes
     * the statement: a prepared statement closed at once stays prepared in the driver for the next load.
     */
    abstract RowCursor cursor(Handle handle, Integer fetchSize) throws SQLException;

    /**
     * Runs the statement for a stream: its rows come from a server-side cursor as they are read (the handle must be
     * in a transaction), closed with the cursor. A failure names the statement, as {@link #run} does.
     */
    final RowCursor open(Handle handle, int fetchSize) {
        try {
            return cursor(handle, fetchSize);
        } catch (SQLException | StatementException e) {
            throw failed(e);
        }
    }

    /**
     * A failure of this statement, or of reading its rows, named and keeping the database's error: the driver's
     * exception is the cause, rather than JDBI's around it, whose message repeats the statement. It carries the
     * relationship the statement loads and the SQL the driver got.
     */
    final StatementFailedException failed(Exception e) {
        Throwable cause = e instanceof StatementException && e.getCause() instanceof SQLException driver ? driver : e;
        String ran = e instanceof StatementException failure ? driverSql(failure.getStatementContext()) : null;
        if (ran == null) {
            ran = driverSql != null ? driverSql : sql;
        }
        return new StatementFailedException("loading " + name.what() + " failed: " + Handles.message(e),
                name.relationship(), name.strategy(), ran, cause);
    }

    /** The SQL JDBI gave the driver in {@code context} (its named values parsed into {@code ?}), or null before. */
    private static String driverSql(StatementContext context) {
        ParsedSql parsed = context == null ? null : context.getParsedSql();
        return parsed == null ? null : parsed.getSql();
    }

    /**
     * Runs the statement and reads its rows; a failure names the statement and keeps the database's error. With a
     * {@code graphLock} (a lazy read's, held by the caller) the statement runs with the lock let go, so other lazy
     * reads of the graph go on meanwhile, and its rows are read with the lock taken again: the driver has fetched them
     * all by then (unless the connection sets a fetch size), so no lock is held across I/O. {@code state} counts the
     * rows read, for the statement's context and the load's totals.
     */
    final <T> T run(Handle handle, LoadState state, Rows<T> rows) {
        ReentrantLock graphLock = state.graphLock();
        if (graphLock == null) {
            return run(handle, rows, state);
        }
        graphLock.unlock();
        try {
            return run(handle, result -> {
                graphLock.lock();
                return rows.read(result);
            }, state);
        } finally {
            if (!graphLock.isHeldByCurrentThread()) {
                graphLock.lock();
            }
        }
    }

    private <T> T run(Handle handle, Rows<T> rows, LoadState state) {
        try (RowCursor open = cursor(handle, null)) {
            T read = rows.read(open.rows());
            open.read(state.rowsOfStatement());
            state.lazySource().stats().statementRead(state.rowsOfStatement(), state.takeObjectsRead());
            return read;
        } catch (SQLException | StatementException e) {
            throw failed(e);
        }
    }
}
