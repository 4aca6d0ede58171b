package dev.loadplan.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Statements of a plan that go to the server together, in one round trip: none needs a value another of them reads.
 * They travel as one statement of the driver's holding them all, in order, which PostgreSQL's driver sends before one
 * Sync, and whose results it reads in the same order: the transaction's opening ({@code SET TRANSACTION ...}, after
 * the driver's own {@code BEGIN}) before the first when the load opens its transaction with them, and {@code COMMIT}
 * after the last when nothing is left to load after them.
 *
 * <p>JDBI still runs each statement as a query of its own ({@link PipelinedStatement}), in order: the first one's
 * query sends them all, each reads its own result.
 */
final class RoundTrip {

    /**
     * Between two statements: on a line of its own, so that a statement ending in a comment of the caller's
     * ({@code -- ...}) does not take the semicolon into it.
     */
    private static final String SEPARATOR = "\n;\n";
    private static final String COMMIT = "COMMIT";

    private final List<PlanStatement> statements;
    /** Each statement as it is bound ahead. */
    private final List<PlanStatement.Ahead> ahead;
    private final String opening;
    /** Told the value the opening reads, when it is a question; null when it reads none. */
    private final Consumer<String> answer;
    private final boolean commits;
    /** The handle's own builder, which makes and closes the driver's statement. */
    private final StatementBuilder builder;
    private Connection connection;
    private String sql;
    private PreparedStatement sent;
    /** How many of the statements JDBI made so far. */
    private int made;
    /** The last statement whose result was handed out; -1 before the first. */
    private int delivered = -1;
    private int closed;
    private SQLException failure;
    /** The first query's context, which JDBI gave the values bound ahead. */
    private StatementContext context;

    /**
     * {@code statements}, each bound {@code ahead}, after {@code opening} when not null and before {@code COMMIT}
     * when {@code commits}. {@code answer}, when not null, gets the one value the opening reads.
     */
    RoundTrip(List<PlanStatement> statements, List<PlanStatement.Ahead> ahead, String opening,
            Consumer<String> answer, boolean commits, StatementBuilder builder) {
        this.answer = answer;
        this.statements = List.copyOf(statements);
        this.ahead = List.copyOf(ahead);
        this.opening = opening;
        this.commits = commits;
        this.builder = builder;
    }

    List<PlanStatement> statements() {
        return statements;
    }

    /** Whether JDBI's next statement, of SQL {@code driverSql}, is the next of this round trip. */
    boolean isNext(String driverSql) {
        return made < statements.size() && ahead.get(made).sql().equals(driverSql);
    }

    /** Whether JDBI has made every statement of it. */
    boolean allMade() {
        return made == statements.size();
    }

    /**
     * The statement JDBI runs for the next of the round trip's. The first makes the driver's statement and binds
     * every statement's values to it, with {@code context}, the first query's, which JDBI gives its arguments.
     */
    PreparedStatement next(Connection connection, StatementContext context) throws SQLException {
        if (made == 0) {
            this.connection = connection;
            this.context = context;
            sql = sql();
            sent = builder.create(connection, sql, context);
            try {
                bindAll(context);
            } catch (SQLException | RuntimeException e) {
                closeSent(e);
                throw e;
            }
        }
        return new PipelinedStatement(this, made++);
    }

    private String sql() {
        StringBuilder sql = new StringBuilder();
        if (opening != null) {
            sql.append(opening).append(SEPARATOR);
        }
        for (int i = 0; i < ahead.size(); i++) {
            sql.append(i == 0 ? "" : SEPARATOR).append(ahead.get(i).sql());
        }
        if (commits) {
            sql.append(SEPARATOR).append(COMMIT);
        }
        return sql.toString();
    }

    private void bindAll(StatementContext context) throws SQLException {
        int position = 1;
        for (PlanStatement.Ahead statement : ahead) {
            for (Argument argument : statement.arguments()) {
                argument.apply(position++, sent, context);
            }
        }
    }

    /**
     * The rows of statement {@code index}, whose query JDBI runs now: the first sends the round trip, and a failure
     * of any statement in it fails there; each later one takes the next result, read with the first.
     */
    ResultSet resultOf(int index) throws SQLException {
        if (index != delivered + 1) {
            throw new SQLException("statement " + (index + 1) + " of a round trip ran before statement "
                    + (delivered + 2) + ": a plan reads them in order");
        }
        boolean rows;
        try {
            rows = index == 0 ? sent.execute() : sent.getMoreResults();
            if (index == 0 && answer != null) {
                answer(sent.getResultSet(), answer);
                rows = sent.getMoreResults();
            }
            // Past the opening's, which reports no rows.
            while (!rows && sent.getUpdateCount() != -1) {
                rows = sent.getMoreResults();
            }
        } catch (SQLException e) {
            failure = e;
            throw e;
        }
        if (!rows) {
            throw new SQLException("the round trip holds no result for statement " + (index + 1) + " of "
                    + statements.size());
        }
        delivered = index;
        return sent.getResultSet();
    }

    /** Each statement as it was bound ahead, in order. */
    List<PlanStatement.Ahead> ahead() {
        return ahead;
    }

    /** The context the values were bound ahead with; null before the first statement was made. */
    StatementContext context() {
        return context;
    }

    /** Gives {@code answer} the one value {@code rows} holds. */
    static void answer(ResultSet rows, Consumer<String> answer) throws SQLException {
        if (!rows.next()) {
            throw new SQLException("the opening of a round trip read no value");
        }
        answer.accept(rows.getString(1));
    }

    /** The server's error that failed the round trip, or null when it did not fail there. */
    SQLException failure() {
        return failure;
    }

    Connection connection() {
        return connection;
    }

    void setQueryTimeout(int seconds) throws SQLException {
        sent.setQueryTimeout(seconds);
    }

    int queryTimeout() throws SQLException {
        return sent.getQueryTimeout();
    }

    void cancel() throws SQLException {
        sent.cancel();
    }

    /** Statement {@code index} closed: once all are, so is the driver's statement. */
    void closed(int index) throws SQLException {
        closed++;
        if (closed == statements.size()) {
            close();
        }
    }

    /** Closes the driver's statement, whatever JDBI still holds: the load is over. */
    void close() throws SQLException {
        if (sent != null) {
            PreparedStatement closing = sent;
            sent = null;
            builder.close(connection, sql, closing);
        }
    }

    private void closeSent(Exception failure) {
        try {
            close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
