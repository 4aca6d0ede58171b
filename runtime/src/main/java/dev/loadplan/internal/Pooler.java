package dev.loadplan.internal;

import dev.loadplan.ConnectionUnavailableException;
import dev.loadplan.LoadPlanConfig;
import dev.loadplan.LoadRefusedException;
import dev.loadplan.LoaderPlan;
import dev.loadplan.PoolerCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, as {@link LoadPlanConfig#getPoolerCheck()} says, that a connection on which pgjdbc names server-side
 * prepared statements does not reach PostgreSQL through a pooler, where a named statement can run as another
 * client's and read its rows with no error (see {@link PoolerCheck}). A pooler gives the client a process id of its
 * own at connect, so a connection is behind one when the server's process answering it has another id: asked once per
 * physical connection, with one query the plan does not count, and remembered for as long as the connection lives.
 * On a direct connection a load then costs a look-up of that answer.
 */
public final class Pooler {

    /**
     * The question, asked once per physical connection; named in its text, so a server's activity shows whose it is.
     */
    public static final String PROBE = "SELECT pg_backend_pid() /* loadplan: is this connection pooled? */";

    private static final Logger LOG = LoggerFactory.getLogger(LoaderPlan.class);
    /** Whether each connection asked so far goes through a pooler; weak, so a closed connection's answer goes too. */
    private static final Map<PGConnection, Boolean> BEHIND_POOLER = Collections.synchronizedMap(new WeakHashMap<>());
    /** PostgreSQL's error when a prepared statement's name is taken ({@code duplicate_prepared_statement}). */
    private static final String NAME_TAKEN = "42P05";
    /** PostgreSQL's error when a prepared statement's name is unknown ({@code invalid_sql_statement_name}). */
    private static final String NAME_MISSING = "26000";
    /**
     * The JDBC URLs whose connections were warned of: once per URL, as the setting is a deployment's, and a second
     * pooler (or a second database behind one) is a second deployment.
     */
    private static final Set<String> WARNED_URLS = ConcurrentHashMap.newKeySet();

    private Pooler() {
    }

    /**
     * Checks {@code handle}'s connection before {@code action} (say "loading Author", "Author's DAO") runs on it:
     * throws, warns once or lets it run, as the handle's {@link PoolerCheck} says.
     *
     * @param handle the handle the load or the write runs in
     * @param action what runs, as its failures name it
     * @throws LoadRefusedException at {@link PoolerCheck#FAIL}, on a pooled connection that names statements
     * @throws ConnectionUnavailableException when the connection cannot answer (it died, or the caller's transaction
     *     failed), with the driver's error
     */
    public static void check(Handle handle, String action) {
        PoolerCheck check = handle.getConfig(LoadPlanConfig.class).getPoolerCheck();
        if (check == PoolerCheck.OFF) {
            return;
        }
        Connection connection = handle.getConnection();
        PGConnection driver = pgjdbc(connection);
        if (driver == null || driver.getPrepareThreshold() == 0) {
            return;
        }
        Boolean pooled = BEHIND_POOLER.get(driver);
        if (pooled == null) {
            pooled = pooled(connection, driver.getBackendPID(), action);
            BEHIND_POOLER.put(driver, pooled);
        }
        if (!pooled) {
            return;
        }
        String risk = "the connection reaches PostgreSQL through a pooler (PgBouncer, say: the server process answering "
                + "it is not the one named at connect), and pgjdbc names server-side prepared statements on it "
                + "(prepareThreshold=" + driver.getPrepareThreshold() + "). In a pooler's transaction mode a named "
                + "statement can run on another server connection as another client's statement, and its rows are "
                + "read as this one's with no error. Add prepareThreshold=0 to the JDBC URL; if the pooler pools by "
                + "session, or tracks prepared statements (PgBouncer 1.21 or later with max_prepared_statements), "
                + "LoadPlanConfig.setPoolerCheck(OFF) (loadplan.pooler-check=off) says so";
        if (check == PoolerCheck.FAIL) {
            throw new LoadRefusedException(action + " refused to run: " + risk,
                    LoadRefusedException.Reason.POOLED_CONNECTION);
        }
        if (WARNED_URLS.add(url(connection))) {
            LOG.warn("loadplan: " + risk + ". Logged once per JDBC URL; LoadPlanConfig.setPoolerCheck(FAIL) makes it "
                    + "an error");
        }
    }

    /** The URL {@code connection} was opened with, which the driver keeps: no round trip. */
    private static String url(Connection connection) {
        try {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            return "";
        }
    }

    /** The driver's connection under {@code connection}'s wrappers (a pool's, Spring's), or null when not pgjdbc's. */
    private static PGConnection pgjdbc(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Whether {@code connection}, whose driver says its server process is {@code pid}, goes through a pooler: the
     * server process answering it has another id, or the driver's own name for the question's statement (the driver
     * names even this one at a low threshold) was taken or missing on the server, which only a pooler that moved the
     * connection makes happen. Any other failure is the connection's (it died, or the caller's transaction failed),
     * which the load's first statement would meet too: it fails {@code action}, keeping the driver's error.
     */
    private static boolean pooled(Connection connection, int pid, String action) {
        try (Statement statement = connection.createStatement();
                ResultSet server = statement.executeQuery(PROBE)) {
            server.next();
            return server.getInt(1) != pid;
        } catch (SQLException e) {
            if (NAME_TAKEN.equals(e.getSQLState()) || NAME_MISSING.equals(e.getSQLState())) {
                return true;
            }
            throw new ConnectionUnavailableException(action + " failed: could not ask which server process answers its "
                    + "connection: " + e.getMessage(), e);
        }
    }
}
