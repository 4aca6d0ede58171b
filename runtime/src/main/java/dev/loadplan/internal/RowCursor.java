package dev.loadplan.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The open rows of a statement and what to close with them. A batch of a stream ends on the first row of the root
 * after its last, which stays for the next batch: {@link #keep} leaves it to the next {@link #next}.
 */
final class RowCursor implements AutoCloseable {

    /** Closes what the rows came from, a JDBI query, telling it how many rows were read. */
    interface Closer {
        void close(long rowsRead) throws SQLException;
    }

    private final ResultSet rows;
    private final Closer statement;
    private boolean kept;
    private long rowsRead;

    RowCursor(ResultSet rows, Closer statement) {
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

    /** Counts {@code count} more rows read from the cursor: the statement's context reports them when it closes. */
    void read(long count) {
        rowsRead += count;
    }

    /** {@return the rows read so far} */
    long rowsRead() {
        return rowsRead;
    }

    /** Keeps the current row for the next call of {@link #next}. */
    void keep() {
        kept = true;
    }

    /** Closes the rows, then the statement, even when closing the rows fails. */
    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close(rowsRead);
        }
    }
}
