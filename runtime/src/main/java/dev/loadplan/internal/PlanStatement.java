package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * One statement of a plan, bound, run on a handle with its rows handed to a reader.
 *
 * <p>A statement of loadplan's own, which binds only keys and paging, runs on the handle's JDBC connection: prepared,
 * its parameters set by position, its rows read, closed, so the driver keeps it prepared on the server for the next
 * load. Going through a JDBI {@code Query} instead costs a copy of the handle's configuration, a parse of the SQL and
 * an argument lookup per statement: more than the whole of a small load's own work. A statement that holds SQL the
 * caller wrote runs as a JDBI query, so the caller's values bind through their {@code Jdbi}'s argument factories.
 */
abstract class PlanStatement {

    /** Sets a statement's parameters. */
    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads a statement's rows. */
    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Binds nothing. */
    static final Parameters NONE = statement -> { };

    private final String what;

    private PlanStatement(String what) {
        this.what = what;
    }

    /** Loadplan's own {@code sql}, its parameters set by {@code parameters}; {@code what} names it in a failure. */
    static PlanStatement own(String what, String sql, Parameters parameters) {
        return new PlanStatement(what) {
            @Override
            <T> T query(Handle handle, Rows<T> rows) throws SQLException {
                try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
                    Integer timeout = handle.getConfig(SqlStatements.class).getQueryTimeout();
                    if (timeout != null) {
                        statement.setQueryTimeout(timeout);
                    }
                    parameters.set(statement);
                    try (ResultSet result = statement.executeQuery()) {
                        return rows.read(result);
                    }
                }
            }
        };
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
        }
    }
}
