package dev.loadplan.internal;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;

/**
 * The {@code PreparedStatement} JDBI runs for one statement of a {@link RoundTrip}: JDBI binds it, customizes it,
 * logs it, times it and reads its rows as it would the driver's, while the statement itself travels with the others
 * of its round trip in one statement of the driver's. Its values were bound there ahead, from the same
 * {@code Argument}s, so the values JDBI binds here go nowhere; executing it takes its result from the round trip's,
 * the first statement's sending them all.
 */
final class PipelinedStatement implements PreparedStatement {

    private final RoundTrip roundTrip;
    /** Which of the round trip's statements this is, from 0. */
    private final int index;
    private ResultSet result;
    private boolean closed;

    PipelinedStatement(RoundTrip roundTrip, int index) {
        this.roundTrip = roundTrip;
        this.index = index;
    }

    @Override
    public boolean execute() throws SQLException {
        result = roundTrip.resultOf(index);
        return true;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        execute();
        return result;
    }

    @Override
    public ResultSet getResultSet() {
        return result;
    }

    @Override
    public int getUpdateCount() {
        return -1;
    }

    @Override
    public boolean getMoreResults() {
        result = null;
        return false;
    }

    @Override
    public boolean getMoreResults(int current) {
        return getMoreResults();
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            roundTrip.closed(index);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Connection getConnection() {
        return roundTrip.connection();
    }

    /** The round trip's timeout is the first statement's: the driver's one statement runs them all. */
    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        if (index == 0) {
            roundTrip.setQueryTimeout(seconds);
        }
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return roundTrip.queryTimeout();
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
    }

    // What only shapes how the driver fetches rows: a round trip's results are read whole, as the plan reads them.

    @Override
    public void setFetchSize(int rows) {
    }

    @Override
    public int getFetchSize() {
        return 0;
    }

    @Override
    public void setFetchDirection(int direction) {
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setMaxRows(int max) {
    }

    @Override
    public int getMaxRows() {
        return 0;
    }

    @Override
    public void setLargeMaxRows(long max) {
    }

    @Override
    public long getLargeMaxRows() {
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) {
    }

    @Override
    public int getMaxFieldSize() {
        return 0;
    }

    @Override
    public void setEscapeProcessing(boolean enable) {
    }

    @Override
    public void setPoolable(boolean poolable) {
    }

    @Override
    public boolean isPoolable() {
        return false;
    }

    @Override
    public void closeOnCompletion() {
    }

    @Override
    public boolean isCloseOnCompletion() {
        return false;
    }

    @Override
    public int getResultSetConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return result == null ? null : result.getMetaData();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("a statement loadplan sends with others in one round trip wraps no " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    // Values: bound ahead, with the round trip's (see the class's comment).

    @Override
    public void clearParameters() {
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) {
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) {
    }

    @Override
    public void setByte(int parameterIndex, byte x) {
    }

    @Override
    public void setShort(int parameterIndex, short x) {
    }

    @Override
    public void setInt(int parameterIndex, int x) {
    }

    @Override
    public void setLong(int parameterIndex, long x) {
    }

    @Override
    public void setFloat(int parameterIndex, float x) {
    }

    @Override
    public void setDouble(int parameterIndex, double x) {
    }

    @Override
    public void setBigDecimal(int parameterIndex, java.math.BigDecimal x) {
    }

    @Override
    public void setString(int parameterIndex, String x) {
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) {
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x) {
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x) {
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x) {
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length) {
    }

    @Override
    public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length) {
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length) {
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) {
    }

    @Override
    public void setObject(int parameterIndex, Object x) {
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, int length) {
    }

    @Override
    public void setRef(int parameterIndex, java.sql.Ref x) {
    }

    @Override
    public void setBlob(int parameterIndex, java.sql.Blob x) {
    }

    @Override
    public void setClob(int parameterIndex, java.sql.Clob x) {
    }

    @Override
    public void setArray(int parameterIndex, java.sql.Array x) {
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x, java.util.Calendar cal) {
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x, java.util.Calendar cal) {
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x, java.util.Calendar cal) {
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) {
    }

    @Override
    public void setURL(int parameterIndex, java.net.URL x) {
    }

    @Override
    public void setRowId(int parameterIndex, java.sql.RowId x) {
    }

    @Override
    public void setNString(int parameterIndex, String value) {
    }

    @Override
    public void setNCharacterStream(int parameterIndex, java.io.Reader value, long length) {
    }

    @Override
    public void setNClob(int parameterIndex, java.sql.NClob value) {
    }

    @Override
    public void setClob(int parameterIndex, java.io.Reader reader, long length) {
    }

    @Override
    public void setBlob(int parameterIndex, java.io.InputStream inputStream, long length) {
    }

    @Override
    public void setNClob(int parameterIndex, java.io.Reader reader, long length) {
    }

    @Override
    public void setSQLXML(int parameterIndex, java.sql.SQLXML xmlObject) {
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) {
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length) {
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length) {
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length) {
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x) {
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x) {
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader) {
    }

    @Override
    public void setNCharacterStream(int parameterIndex, java.io.Reader value) {
    }

    @Override
    public void setClob(int parameterIndex, java.io.Reader reader) {
    }

    @Override
    public void setBlob(int parameterIndex, java.io.InputStream inputStream) {
    }

    @Override
    public void setNClob(int parameterIndex, java.io.Reader reader) {
    }


    // Not what a query of a plan does: refused, naming what was asked.

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        throw unsupported("getParameterMetaData");
    }

    @Override
    public int executeUpdate() throws SQLException {
        throw unsupported("executeUpdate");
    }

    @Override
    public void addBatch() throws SQLException {
        throw unsupported("addBatch");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw unsupported("executeQuery(String)");
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw unsupported("executeUpdate(String)");
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw unsupported("execute(String)");
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw unsupported("setCursorName");
    }

    @Override
    public void cancel() throws SQLException {
        roundTrip.cancel();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw unsupported("addBatch(String)");
    }

    @Override
    public void clearBatch() throws SQLException {
        throw unsupported("clearBatch");
    }

    @Override
    public int[] executeBatch() throws SQLException {
        throw unsupported("executeBatch");
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        throw unsupported("getGeneratedKeys");
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        throw unsupported("executeUpdate(String, int)");
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw unsupported("executeUpdate(String, int[])");
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        throw unsupported("executeUpdate(String, String[])");
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        throw unsupported("execute(String, int)");
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw unsupported("execute(String, int[])");
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        throw unsupported("execute(String, String[])");
    }

    private static SQLFeatureNotSupportedException unsupported(String method) {
        return new SQLFeatureNotSupportedException(method + " on a statement loadplan sends with others in one round "
                + "trip: it runs as a query, once");
    }
}
