package dev.loadplan.spring;

import dev.loadplan.ConnectionUnavailableException;
import dev.loadplan.LoadPlanException;
import dev.loadplan.OptimisticLockException;
import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.SchemaDriftException;
import dev.loadplan.StatementFailedException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Translates loadplan's and JDBI's exceptions into Spring's {@link DataAccessException} hierarchy, so that
 * {@code @Retryable} on {@link OptimisticLockingFailureException}, a {@code catch (DuplicateKeyException e)} or Spring's
 * own exception handling see them as they see {@code JdbcTemplate}'s.
 *
 * <ul>
 *   <li>{@link OptimisticLockException}: {@link OptimisticLockingFailureException}.</li>
 *   <li>A {@link LoadPlanException} (or any JDBI {@link JdbiException}) with a {@link SQLException} in its cause
 *       chain: what the {@link SQLExceptionTranslator} makes of that SQLException; by default Spring's
 *       {@link SQLErrorCodeSQLExceptionTranslator} with PostgreSQL's codes, so a unique violation (23505) is a
 *       {@link DuplicateKeyException}, a foreign key or NOT NULL violation a {@link DataIntegrityViolationException},
 *       a lock timeout a {@link CannotAcquireLockException}, a server that cannot be reached a
 *       {@link DataAccessResourceFailureException}. A {@link StatementFailedException} gives its statement's SQL
 *       to the translator, so Spring's SQL exceptions ({@code BadSqlGrammarException}) say which ran.</li>
 *   <li>A {@link ConnectionUnavailableException} with no SQLException below it (a pool that gave no connection):
 *       {@link DataAccessResourceFailureException}.</li>
 *   <li>{@link SchemaDriftException}: {@link InvalidDataAccessResourceUsageException}.</li>
 *   <li>Any other of them (a plan refused before it ran, {@link RelationshipNotLoadedException}):
 *       {@link InvalidDataAccessApiUsageException}.</li>
 * </ul>
 *
 * <p>The translated exception has the original's message (which names the plan, the statement or the write) and the
 * original as its cause, the database's error below it. Where Spring's exception type cannot take a cause of our
 * choosing ({@code BadSqlGrammarException}, {@code UncategorizedSQLException}), its cause is the SQLException, its
 * message starts with the original's, and the original is attached as a suppressed exception. Any other exception,
 * a {@code DataAccessException} included, is not translated: {@link #translateExceptionIfPossible} returns null.
 *
 * <p>The starter registers one as a bean, which Spring's {@code PersistenceExceptionTranslationPostProcessor} (Boot
 * registers it) applies to the methods of every {@code @Repository} bean. Elsewhere call {@link #translate} directly.
 */
public class LoadPlanExceptionTranslator implements PersistenceExceptionTranslator {

    /** Spring's own types that take a message and a cause: rebuilt with the original exception as the cause. */
    @SuppressWarnings("deprecation") // PostgreSQL's 40001 and 40P01 still come out as these two
    private static final Map<Class<?>, BiFunction<String, Throwable, DataAccessException>> REBUILT = Map.ofEntries(
            Map.entry(DuplicateKeyException.class, DuplicateKeyException::new),
            Map.entry(DataIntegrityViolationException.class, DataIntegrityViolationException::new),
            Map.entry(CannotAcquireLockException.class, CannotAcquireLockException::new),
            Map.entry(PessimisticLockingFailureException.class, PessimisticLockingFailureException::new),
            Map.entry(org.springframework.dao.CannotSerializeTransactionException.class,
                    org.springframework.dao.CannotSerializeTransactionException::new),
            Map.entry(org.springframework.dao.DeadlockLoserDataAccessException.class,
                    org.springframework.dao.DeadlockLoserDataAccessException::new),
            Map.entry(DataAccessResourceFailureException.class, DataAccessResourceFailureException::new),
            Map.entry(TransientDataAccessResourceException.class, TransientDataAccessResourceException::new),
            Map.entry(PermissionDeniedDataAccessException.class, PermissionDeniedDataAccessException::new),
            Map.entry(QueryTimeoutException.class, QueryTimeoutException::new),
            Map.entry(RecoverableDataAccessException.class, RecoverableDataAccessException::new),
            Map.entry(InvalidDataAccessApiUsageException.class, InvalidDataAccessApiUsageException::new),
            Map.entry(InvalidDataAccessResourceUsageException.class, InvalidDataAccessResourceUsageException::new));

    private static final LoadPlanExceptionTranslator POSTGRES =
            new LoadPlanExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator("PostgreSQL"));

    private final SQLExceptionTranslator sqlTranslator;

    /** A translator with Spring's error codes for PostgreSQL ({@code sql-error-codes.xml}, which an application may override). */
    public LoadPlanExceptionTranslator() {
        this(new SQLErrorCodeSQLExceptionTranslator("PostgreSQL"));
    }

    /**
     * A translator that asks {@code sqlTranslator} what a SQLException in the cause chain is.
     *
     * @param sqlTranslator how SQLExceptions become {@code DataAccessException}s
     */
    public LoadPlanExceptionTranslator(SQLExceptionTranslator sqlTranslator) {
        this.sqlTranslator = Objects.requireNonNull(sqlTranslator, "sqlTranslator");
    }

    /**
     * Translates {@code ex} with Spring's error codes for PostgreSQL, for direct use where no {@code @Repository}
     * proxy translates: {@code catch (LoadPlanException e) { throw LoadPlanExceptionTranslator.translate(e); }}.
     *
     * @param ex an exception that loadplan or JDBI threw
     * @return its translation, or {@code null} when {@code ex} is neither loadplan's nor JDBI's
     */
    public static @Nullable DataAccessException translate(RuntimeException ex) {
        return POSTGRES.translateExceptionIfPossible(ex);
    }

    @Override
    public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (!(ex instanceof LoadPlanException || ex instanceof JdbiException || ex instanceof SchemaDriftException
                || ex instanceof RelationshipNotLoadedException)) {
            return null;
        }
        String message = ex.getMessage();
        if (ex instanceof OptimisticLockException) {
            return new OptimisticLockingFailureException(message, ex);
        }
        if (ex instanceof SchemaDriftException) {
            return new InvalidDataAccessResourceUsageException(message, ex);
        }
        SQLException sql = sqlCause(ex);
        if (sql == null) {
            return ex instanceof ConnectionUnavailableException ? new DataAccessResourceFailureException(message, ex)
                    : new InvalidDataAccessApiUsageException(message, ex);
        }
        // The statement that failed, which Spring's SQL exceptions carry (getSql()), where loadplan knows it.
        String statement = ex instanceof StatementFailedException failed ? failed.sql() : null;
        DataAccessException translated = sqlTranslator.translate(message, statement, sql);
        if (translated == null) {
            translated = new UncategorizedSQLException(message, statement, sql);
        }
        BiFunction<String, Throwable, DataAccessException> rebuild = REBUILT.get(translated.getClass());
        if (rebuild != null) {
            return rebuild.apply(message, ex);
        }
        translated.addSuppressed(ex);
        return translated;
    }

    /** The first SQLException in {@code ex}'s cause chain (looked for 64 causes deep, in case of a cycle), or null. */
    private static @Nullable SQLException sqlCause(Throwable ex) {
        Throwable cause = ex.getCause();
        for (int depth = 0; cause != null && depth < 64; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
