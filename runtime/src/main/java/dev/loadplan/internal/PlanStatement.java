package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.planner.sql.JdbcSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementException;

/**
 * One statement of a plan, bound, run on a handle with its rows handed to a reader.
 *
 * <p>A statement of loadplan's own, which binds only keys and paging, runs on the handle's JDBC connection: prepared,
 * its parameters set by position, its rows read, closed, so the driver keeps it prepared on the server for the next
 * load. Going through a JDBI {@code Query} instead costs a copy of the handle's configuration, a parse of the SQL and
 * an argument lookup per statement: more than the whole of a small load's own work. Unless the handle has a
 * {@link SqlLogger}: then it runs as a JDBI query bound by position, so the logger sees each statement with its
 * values, as it sees the caller's own. A statement that holds SQL the caller wrote always runs as a JDBI query, so the
 * caller's values bind through their {@code Jdbi}'s argument factories.
 */
abstract class PlanStatement {

    /** Reads a statement's rows. */
    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final String what;

    private PlanStatement(String what) {
        this.what = what;
    }

    /**
     * Loadplan's own {@code sql}, in its JDBC form, its parameters {@code arguments} by position; {@code what} names it
     * in a failure.
     */
    static PlanStatement own(String what, String sql, Argument... arguments) {
        return new PlanStatement(what) {
            @Override
            <T> T query(Handle handle, Rows<T> rows) throws SQLException {
                SqlStatements config = handle.getConfig(SqlStatements.class);
                if (config.getSqlLogger() != SqlLogger.NOP_SQL_LOGGER) {
                    return logged(handle, sql, arguments, rows);
                }
                try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
                    Integer timeout = config.getQueryTimeout();
                    if (timeout != null) {
                        statement.setQueryTimeout(timeout);
                    }
                    for (int i = 0; i < arguments.length; i++) {
                        arguments[i].apply(i + 1, statement, null);
                    }
                    try (ResultSet result = statement.executeQuery()) {
                        return rows.read(result);
                    }
                }
            }
        };
    }

    /** Runs loadplan's own statement as a JDBI query, which the handle's {@link SqlLogger} sees. */
    private static <T> T logged(Handle handle, String sql, Argument[] arguments, Rows<T> rows) {
        try (Query query = handle.createQuery(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.scanResultSet((result, context) -> rows.read(result.get()));
        }
    }

    /**
     * A statement that binds what the plan's root binds ({@code binds}): the root's own, or a subquery repeating it.
     * In its JDBC form ({@code jdbc}) when it has one and the caller bound no named values; else through JDBI.
     */
    static PlanStatement bindingRoot(String what, String sql, JdbcSql jdbc, RootBinds binds) {
        if (jdbc == null || binds.hasNamed()) {
            return withCallerSql(what, sql, binds::applyTo);
        }
        return own(what, jdbc.sql(), binds.arguments(jdbc.parameters()));
    }

    /** A statement holding the caller's SQL, run as a JDBI query that {@code binds} binds. */
    static PlanStatement withCallerSql(String what, String sql, Consumer<Query> binds) {
        return new PlanStatement(what) {
            @Override
            <T> T query(Handle handle, Rows<T> rows) {
                // Closed at once, so the driver keeps the statement for the next load and can prepare it on the server.
                try (Query query = handle.createQuery(sql)) {
                    binds.accept(query);
                    return query.scanResultSet((result, context) -> rows.read(result.get()));
                }
            }
        };
    }

    abstract <T> T query(Handle handle, Rows<T> rows) throws SQLException;

    /** Runs the statement and reads its rows; a failure names the statement and keeps the database's error. */
    final <T> T run(Handle handle, Rows<T> rows) {
        try {
            return query(handle, rows);
        } catch (SQLException e) {
            throw new LoadPlanException("loading " + what + " failed: " + e.getMessage(), e);
        } catch (StatementException e) {
            // Run through JDBI: the database's error is the cause of JDBI's.
            String message = e.getCause() instanceof SQLException database ? database.getMessage() : e.getMessage();
            throw new LoadPlanException("loading " + what + " failed: " + message, e);
        }
    }
}
