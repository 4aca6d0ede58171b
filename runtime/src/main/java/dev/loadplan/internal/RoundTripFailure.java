package dev.loadplan.internal;

import dev.loadplan.StatementFailedException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a caller is told when the server failed a {@link RoundTrip} of several statements. PostgreSQL reports the
 * error, not which statement of the round trip raised it, and the driver drops the results read before it: the
 * failure names every statement the round trip carried, the first as the one whose query sent them.
 */
final class RoundTripFailure {

    private RoundTripFailure() {
    }

    /** {@code failure}, of the round trip's first statement, naming all of {@code trip}'s. */
    static StatementFailedException of(RoundTrip trip, StatementFailedException failure) {
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
