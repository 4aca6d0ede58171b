package dev.loadplan.internal;

import dev.loadplan.StatementFailedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;

/**
 * Which statement of a {@link RoundTrip} failed. PostgreSQL reports the error, not which of the statements sent
 * together raised it, and the driver drops the results it read before the error. In a transaction of the load's own,
 * an error the statements raise again, whatever runs beside them (bad data, a fragment naming a column that is not
 * there), is found by running them again, one at a time and in order, after rolling the transaction back: the first
 * that fails with the same error is the one named, with the round trip's error as its cause. Otherwise (an error of
 * the moment, such as a timeout or a lost connection, or an error in the caller's transaction, which only the caller
 * may roll back) the failure names every statement the round trip carried.
 */
final class RoundTripFailure {

    /**
     * The classes of SQLState whose errors come from the statement and the rows it reads: cardinality, data, syntax
     * and access rule, feature, routine and PL/pgSQL errors. Not timeouts, cancels, locks, lost connections or
     * serialization failures, which the same statements would not raise again, or not at once.
     */
    private static final Set<String> FROM_THE_STATEMENT = Set.of("21", "22", "42", "0A", "38", "39", "P0");

    private RoundTripFailure() {
    }

    /**
     * {@code failure}, of {@code trip}'s first statement, naming the statement that failed; {@code ownTransaction} is
     * the handle whose transaction is the load's own, or null in the caller's.
     */
    static StatementFailedException of(RoundTrip trip, StatementFailedException failure, Handle ownTransaction) {
        SQLException error = trip.failure();
        String sqlState = error.getSQLState();
        if (ownTransaction != null && sqlState != null && sqlState.length() == 5
                && FROM_THE_STATEMENT.contains(sqlState.substring(0, 2))) {
            int failed = runAgain(trip, ownTransaction, sqlState);
            if (failed >= 0) {
                return trip.statements().get(failed).failed(error);
            }
        }
        return namingAll(trip, failure);
    }

    /**
     * Runs {@code trip}'s statements again on {@code handle}'s connection, one at a time, in a transaction at the
     * load's isolation rolled back after; returns the first that fails with {@code sqlState}, or -1.
     */
    private static int runAgain(RoundTrip trip, Handle handle, String sqlState) {
        try {
            Connection connection = handle.getConnection();
            connection.rollback();
            try {
                try (Statement isolation = connection.createStatement()) {
                    isolation.execute(Snapshot.REPEATABLE_READ);
                }
                List<PlanStatement.Ahead> statements = trip.ahead();
                for (int i = 0; i < statements.size(); i++) {
                    try (PreparedStatement statement = connection.prepareStatement(statements.get(i).sql())) {
                        Argument[] arguments = statements.get(i).arguments();
                        for (int position = 0; position < arguments.length; position++) {
                            arguments[position].apply(position + 1, statement, trip.context());
                        }
                        statement.execute();
                    } catch (SQLException e) {
                        return Objects.equals(e.getSQLState(), sqlState) ? i : -1;
                    }
                }
                return -1;
            } finally {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code failure}, of the round trip's first statement, naming all of {@code trip}'s. */
    private static StatementFailedException namingAll(RoundTrip trip, StatementFailedException failure) {
        List<PlanStatement> statements = trip.statements();
        String others = statements.subList(1, statements.size()).stream()
                .map(statement -> statement.name().what())
                .collect(Collectors.joining(", "));
        String message = failure.getMessage();
        int failed = message.indexOf(" failed: ");
        if (failed >= 0) {
            message = message.substring(0, failed) + " or a statement sent with it in one round trip (" + others
                    + ") failed; PostgreSQL does not say which: " + message.substring(failed + " failed: ".length());
        }
        StatementFailedException named = new StatementFailedException(message, failure.relationship(),
                failure.strategy(), failure.sql(), failure.getCause());
        named.setStackTrace(failure.getStackTrace());
        return named;
    }
}
