package dev.loadplan.internal;

import dev.loadplan.StatementFailedException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;
import org.postgresql.PGConnection;

/**
 * How the statements of one load reach the server: the statements a load sends together ({@link #send}) go in one
 * round trip ({@link RoundTrip}), with the transaction's opening riding with the first and {@code COMMIT} with the
 * last when the load runs in a transaction of its own. A statement sent alone, with nothing riding along, runs as it
 * always did.
 *
 * <p>While a round trip is pending, the pipeline is the handle's {@link StatementBuilder}: JDBI still makes, binds,
 * logs and runs a query for each statement, and the pipeline gives it the round trip's statement for it. Any other
 * statement goes to the handle's own builder, which the pipeline gives back when the load is done ({@link #close}).
 */
final class Pipeline implements StatementBuilder, AutoCloseable {

    /**
     * The most statements, and characters of SQL, one round trip carries: the driver writes them all before it reads
     * a result, so what it writes must fit in the sockets' buffers while the server, writing the first statement's
     * rows, reads no more of them.
     */
    static final int MOST_STATEMENTS = 64;
    static final int MOST_CHARACTERS = 32 * 1024;

    private final Handle handle;
    /** Run before the load's first statement, in its round trip when it can ride there; null once sent or if none. */
    private String opening;
    /** Whether the load's last round trip may carry {@code COMMIT}. */
    private final boolean commits;
    /** Told the one value the opening reads, when it is a question; null when it reads none. */
    private final Consumer<String> answer;
    /** The handle's own builder while the pipeline stands in for it; null when it does not. */
    private StatementBuilder own;
    /** The round trips of what was sent last, in order; each runs once the one before it is made. */
    private final List<RoundTrip> trips = new ArrayList<>();

    private Pipeline(Handle handle, String opening, boolean commits, Consumer<String> answer) {
        this.handle = handle;
        this.opening = opening;
        this.commits = commits;
        this.answer = answer;
    }

    /** A pipeline for a load in a transaction that is not its own: what it sends carries no transaction control. */
    static Pipeline within(Handle handle) {
        return new Pipeline(handle, null, false, null);
    }

    /**
     * A pipeline for a load in the caller's transaction that asks the server {@code question}, reading one value,
     * with its first statements: {@code answer} gets the value before any of their rows are read.
     */
    static Pipeline asking(Handle handle, String question, Consumer<String> answer) {
        return new Pipeline(handle, question, false, answer);
    }

    /**
     * A pipeline for a load in the transaction it began on {@code handle}: {@code opening} (its isolation) rides with
     * the first statement, {@code COMMIT} with the last.
     */
    static Pipeline owning(Handle handle, String opening) {
        return new Pipeline(handle, opening, true, null);
    }

    /**
     * Sends {@code statements}, which need no value another of them reads, when JDBI runs the first of them, and hands
     * each the next result as JDBI runs it: the caller runs them all, in this order, before it sends more. {@code last}
     * says nothing is sent after them, so {@code COMMIT} may ride along. More statements than a round trip carries go
     * in several, each sent when JDBI runs its first statement.
     */
    void send(List<PlanStatement> statements, boolean last) throws SQLException {
        for (RoundTrip trip : trips) {
            if (!trip.allMade()) {
                throw new IllegalStateException("loadplan sent statements before it ran those it sent before them, "
                        + "beginning with " + trip.statements().get(0).name().what());
            }
        }
        trips.clear();
        boolean alone = statements.size() == 1 && opening == null && !(commits && last);
        if (alone) {
            return;
        }
        if (describesFirst()) {
            sendOpeningAlone();
            return;
        }
        List<PlanStatement.Ahead> ahead = new ArrayList<>(statements.size());
        for (PlanStatement statement : statements) {
            PlanStatement.Ahead bound = statement.ahead(handle);
            if (bound == null) {
                // Values JDBI binds only as it runs the statement: each statement runs alone, after the opening,
                // which goes alone too; COMMIT follows when the load ends.
                sendOpeningAlone();
                return;
            }
            ahead.add(bound);
        }
        int from = 0;
        while (from < statements.size()) {
            int to = endOfTrip(ahead, from);
            boolean commitsHere = commits && last && to == statements.size();
            if (to - from > 1 || opening != null || commitsHere) {
                trips.add(new RoundTrip(statements.subList(from, to), ahead.subList(from, to), opening,
                        opening == null ? null : answer, commitsHere, ownBuilder()));
                opening = null;
            }
            from = to;
        }
    }

    /** Where the round trip beginning with statement {@code from} ends: as many as one carries. */
    private static int endOfTrip(List<PlanStatement.Ahead> ahead, int from) {
        int to = from + 1;
        int characters = ahead.get(from).sql().length();
        while (to < ahead.size() && to - from < MOST_STATEMENTS
                && characters + ahead.get(to).sql().length() <= MOST_CHARACTERS) {
            characters += ahead.get(to).sql().length();
            to++;
        }
        return to;
    }

    /**
     * Whether the driver describes each new statement in a round trip of its own before it runs it: PostgreSQL's
     * driver does when told to read every result in binary ({@code prepareThreshold=-1}). That round trip opens the
     * transaction and parses the plan's statements before the opening runs, which PostgreSQL refuses ("SET
     * TRANSACTION ISOLATION LEVEL must be called before any query"), and it describes several statements sent as one
     * wrongly ("bind message has 6 result formats but query has 5 columns"). Such a connection gets each statement in
     * a round trip of its own, as before round trips were shared.
     */
    private boolean describesFirst() throws SQLException {
        Connection connection = handle.getConnection();
        return !connection.isWrapperFor(PGConnection.class)
                || connection.unwrap(PGConnection.class).getPrepareThreshold() < 0;
    }

    /** Runs the opening, if still to run, in a round trip of its own: it must precede any statement. */
    private void sendOpeningAlone() throws SQLException {
        if (opening == null) {
            return;
        }
        String sending = opening;
        opening = null;
        // Not a statement of the plan: run on the connection, where JDBI's logger does not count it.
        try (Statement statement = handle.getConnection().createStatement()) {
            if (statement.execute(sending) && answer != null) {
                RoundTrip.answer(statement.getResultSet(), answer);
            }
        }
    }

    /**
     * {@code failure}, of a statement JDBI ran, as the caller should see it: when the statement sent others with it in
     * one round trip and the server failed there, naming the statement that failed ({@link RoundTripFailure}).
     */
    StatementFailedException failedIn(StatementFailedException failure) {
        for (RoundTrip trip : trips) {
            if (trip.failure() != null && trip.statements().size() > 1) {
                return RoundTripFailure.of(trip, failure, commits ? handle : null);
            }
        }
        return failure;
    }

    private StatementBuilder ownBuilder() {
        if (own == null) {
            own = handle.getStatementBuilder();
            handle.setStatementBuilder(this);
        }
        return own;
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        for (RoundTrip trip : trips) {
            if (!trip.allMade()) {
                if (!trip.isNext(sql)) {
                    throw new IllegalStateException("loadplan sent statements in one round trip, but JDBI ran "
                            + "another statement before them: " + sql);
                }
                return trip.next(connection, context);
            }
        }
        return own.create(connection, sql, context);
    }

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        return own.create(connection, context);
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context)
            throws SQLException {
        return own.createCall(connection, sql, context);
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        if (statement instanceof PipelinedStatement pipelined) {
            pipelined.close();
        } else {
            own.close(connection, sql, statement);
        }
    }

    @Override
    public void close(Connection connection) {
        own.close(connection);
    }

    /** Gives the handle its own builder back and closes what a failed load left open. */
    @Override
    public void close() {
        if (own != null) {
            handle.setStatementBuilder(own);
        }
        for (RoundTrip trip : trips) {
            try {
                trip.close();
            } catch (SQLException e) {
                // The load is over; the statement is the driver's to drop with the connection.
            }
        }
        trips.clear();
    }
}
