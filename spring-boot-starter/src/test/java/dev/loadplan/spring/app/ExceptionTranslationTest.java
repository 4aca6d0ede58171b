package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.ConnectionUnavailableException;
import dev.loadplan.LoadPlanException;
import dev.loadplan.OptimisticLockException;
import dev.loadplan.StatementFailedException;
import dev.loadplan.spring.LoadPlanExceptionTranslator;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * loadplan's exceptions, thrown from a {@code @Repository} bean, reach the caller as Spring's
 * {@code DataAccessException}s, with loadplan's message and exception kept; from other beans they reach it as they
 * are, and {@link LoadPlanExceptionTranslator#translate} translates them by hand.
 */
@SpringBootTest
class ExceptionTranslationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.register(registry, ExceptionTranslationTest.class);
    }

    @Autowired
    AuthorRepository repository;
    @Autowired
    AuthorComponent component;
    @Autowired
    Jdbi jdbi;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    ObjectProvider<PersistenceExceptionTranslator> translators;

    @AfterEach
    void empty() {
        jdbcTemplate.execute("TRUNCATE books, authors");
    }

    @Test
    void theTranslatorIsABean() {
        assertThat(translators.stream()).hasAtLeastOneElementOfType(LoadPlanExceptionTranslator.class);
    }

    @Test
    void aStaleVersionedUpdateIsAnOptimisticLockingFailure() {
        long id = repository.insert(new Author("Le Guin"));
        Author mine = repository.find(id);
        Author theirs = repository.find(id);
        theirs.name = "Ursula K. Le Guin";
        repository.update(theirs);

        mine.name = "U. K. Le Guin";
        assertThatThrownBy(() -> repository.update(mine))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasCauseInstanceOf(OptimisticLockException.class)
                .satisfies(e -> assertThat(e.getMessage()).isEqualTo(e.getCause().getMessage()));
    }

    @Test
    void theSameFailureOutsideARepositoryIsLoadplansOwn() {
        long id = repository.insert(new Author("Le Guin"));
        Author mine = repository.find(id);
        repository.update(repository.find(id));

        assertThatThrownBy(() -> component.update(mine)).isInstanceOf(OptimisticLockException.class);
    }

    @Test
    void aDuplicateKeyIsADuplicateKeyException() {
        repository.insert(new Author("Le Guin"));

        assertThatThrownBy(() -> repository.insert(new Author("Le Guin")))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> {
                    assertThat(e.getCause()).as("loadplan's exception, kept as the cause")
                            .isInstanceOf(LoadPlanException.class);
                    assertThat(e.getMessage()).isEqualTo(e.getCause().getMessage());
                    assertThat(sqlState(e)).isEqualTo("23505");
                });
    }

    @Test
    void aMissingReferencedRowIsADataIntegrityViolation() {
        assertThatThrownBy(() -> repository.insertBook(new Book("Kindred", 404)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .isNotInstanceOf(DuplicateKeyException.class)
                .hasCauseInstanceOf(LoadPlanException.class)
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("23503"));
    }

    @Test
    void translatedByHand() {
        assertThat(LoadPlanExceptionTranslator.translate(new LoadPlanException("refused before it ran")))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("refused before it ran");
        assertThat(LoadPlanExceptionTranslator.translate(new IllegalStateException("not ours"))).isNull();

        JdbiException grammar = org.assertj.core.api.Assertions.catchThrowableOfType(JdbiException.class,
                () -> jdbi.useHandle(handle -> handle.execute("SELEC 1")));
        assertThat(LoadPlanExceptionTranslator.translate(grammar))
                .isInstanceOf(BadSqlGrammarException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith(grammar.getMessage());
                    assertThat(e.getSuppressed()).containsExactly(grammar);
                });
    }

    @Test
    void aFailedStatementOfAPlanIsSpringsSqlExceptionCarryingThatStatement() {
        StatementFailedException failed = org.assertj.core.api.Assertions.catchThrowableOfType(
                StatementFailedException.class, () -> AuthorLoader.plain().where("no_such_column = 1").list(jdbi));

        DataAccessException translated = LoadPlanExceptionTranslator.translate(failed);

        assertThat(translated).isInstanceOf(BadSqlGrammarException.class);
        assertThat(((BadSqlGrammarException) translated).getSql()).as("the statement loadplan ran")
                .isEqualTo(failed.sql()).contains("no_such_column = 1");
        assertThat(translated.getMessage()).startsWith(failed.getMessage());
        assertThat(sqlState(translated)).isEqualTo("42703");
    }

    @Test
    void aConnectionThatCouldNotBeHadIsAResourceFailure() {
        ConnectionUnavailableException unavailable = new ConnectionUnavailableException(
                "loading Author failed: could not get a connection: the pool is closed", null);

        assertThat(LoadPlanExceptionTranslator.translate(unavailable))
                .isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessage(unavailable.getMessage()).hasCause(unavailable);
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
