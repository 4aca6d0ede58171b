package dev.loadplan;

/**
 * What a load or a write does on a connection that reaches PostgreSQL through a proxy (a connection pooler such as
 * PgBouncer) while pgjdbc names server-side prepared statements on it ({@code prepareThreshold} other than 0, pgjdbc's
 * default being 5). In a pooler's transaction mode a named statement's next run can land on another server connection,
 * where the name is missing (an error), or names another client's statement of the same parameters, whose rows the
 * driver then reads as this statement's, with no error: a wrong graph, or a write to other rows. A connection is told
 * by its process id: a pooler hands the client one of its own at connect, which is not the id of the server process
 * that answers. Asked once per physical connection, with one query; not asked at {@code prepareThreshold=0}, where no
 * statement is named. Set with {@link LoadPlanConfig#setPoolerCheck}.
 */
public enum PoolerCheck {
    /**
     * Logs one warning per JDBC URL, naming the setting that makes such a connection safe, then runs as asked. The
     * default.
     */
    WARN,
    /**
     * Throws {@link LoadRefusedException} ({@link LoadRefusedException.Reason#POOLED_CONNECTION}) naming the setting;
     * nothing of the load or the write runs.
     */
    FAIL,
    /**
     * Neither: the pooler pools by session, or tracks prepared statements (PgBouncer 1.21 or later with
     * {@code max_prepared_statements} set), so named statements are safe through it; no connection is asked.
     */
    OFF
}
