package dev.loadplan.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The open rows of a streamed statement and what to close with them. A batch of a stream ends on the first row of
 * the root after its last, which stays for the next batch: {@link #keep} leaves it to the next {@link #next}.
 */
final class RowCursor implements AutoCloseable {

    private final ResultSet rows;
    private final AutoCloseable statement;
    private boolean kept;

    RowCursor(ResultSet rows, AutoCloseable statement) {
        this.rows = rows;
        this.statement = statement;
    }

    ResultSet rows() {
        return rows;
    }

    /** Moves to the next row, or stays on the kept one; false past the last. */
    boolean next() throws SQLException {
        if (kept) {
            kept = false;
            return true;
        }
        return rows.next();
    }

    /** Keeps the current row for the next call of {@link #next}. */
    void keep() {
        kept = true;
    }

    @Override
    public void close() throws Exception {
        try (AutoCloseable closedLast = statement) {
            rows.close();
        }
    }
}
