package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.Book;
import dev.loadplan.it.library.BookLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

/**
 * A handle with JDBI's {@link SqlLogger} sees every statement a plan runs, as the generated constants show it, with
 * its values: loadplan runs its own statements below JDBI only when nobody is listening.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class SqlLoggerTest {

    private static final int AUTHORS = 25;

    @BeforeEach
    void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("truncate books, authors");
            for (int id = 1; id <= AUTHORS; id++) {
                handle.execute("insert into authors (id, name) values (?, ?)", id, "Author " + id);
                handle.execute("insert into books (id, author_id, title) values (?, ?, ?)", 100 + id, id, "Book " + id);
            }
        });
    }

    @Test
    void theLoggerSeesEachStatementAsItsConstantShowsIt(Jdbi jdbi) {
        Recorder recorder = new Recorder();
        List<Author> logged = jdbi.withHandle(handle -> {
            handle.getConfig(SqlStatements.class).setSqlLogger(recorder);
            return AuthorLoader.withBooksSelectIn().list(handle);
        });

        assertThat(recorder.sql).containsExactly(AuthorLoader.PLAIN, AuthorLoader.BOOKS_SELECT_IN);
        assertThat(recorder.executed).isEqualTo(2);
        assertThat(titles(logged)).isEqualTo(titles(AuthorLoader.withBooksSelectIn().list(jdbi)));
    }

    @Test
    void aSelectInShowsTheKeysItBinds(Jdbi jdbi) {
        Recorder recorder = new Recorder();
        jdbi.useHandle(handle -> {
            handle.getConfig(SqlStatements.class).setSqlLogger(recorder);
            AuthorLoader.withBooksSelectIn().limit(3).list(handle);
            AuthorLoader.withBooksSelectIn().list(handle);
        });

        // JDBI shows a positional binding as "position:value".
        assertThat(recorder.bindings.get(1)).contains("0:[1, 2, 3]}");
        assertThat(recorder.bindings.get(3))
                .contains("0:[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, ... 5 more]}");
    }

    @Test
    void aKeyManyParentsShareIsBoundOnceAndItsEntityIsOneObject(Jdbi jdbi) {
        Recorder recorder = new Recorder();
        List<Book> books = jdbi.withHandle(handle -> {
            handle.execute("insert into books (id, author_id, title) values (201, 1, 'Book 1 again'), "
                    + "(202, 1, 'Book 1 once more'), (203, null, 'Nobody''s')");
            handle.getConfig(SqlStatements.class).setSqlLogger(recorder);
            return BookLoader.withAuthorSelectIn().where("books.author_id = 1 OR books.author_id IS NULL")
                    .list(handle);
        });

        // Three books of author 1 and one of nobody: the statement for their authors binds key 1 alone.
        assertThat(recorder.bindings.get(1)).contains("0:[1]}");
        assertThat(books).hasSize(4);
        assertThat(books.get(1).author()).isSameAs(books.get(0).author()).isSameAs(books.get(2).author());
        assertThat(books.get(3).author()).isNull();
    }

    @Test
    void findByIdAndImmediateShowTheKeyTheyBind(Jdbi jdbi) {
        Recorder recorder = new Recorder();
        jdbi.useHandle(handle -> {
            handle.getConfig(SqlStatements.class).setSqlLogger(recorder);
            assertThat(AuthorLoader.withBooksImmediate().findById(handle, 7L)).isPresent();
        });

        assertThat(recorder.sql).hasSize(2);
        // The whole value at position 0, so a lambda's name holding a 7 could not pass.
        assertThat(recorder.bindings).allSatisfy(binding -> assertThat(binding).contains("0:7}"));
    }

    @Test
    void aFailingStatementIsLoggedAndNamedWithTheDatabasesError(Jdbi jdbi) {
        Recorder recorder = new Recorder();
        jdbi.useHandle(handle -> {
            handle.getConfig(SqlStatements.class).setSqlLogger(recorder);
            handle.begin();
            try {
                handle.execute("alter table books rename to books_gone");
                assertThatThrownBy(() -> AuthorLoader.withBooksSelectIn().list(handle))
                        .isInstanceOf(LoadPlanException.class)
                        .hasMessageStartingWith("loading Author.books (SELECT_IN) failed: ERROR: relation \"books\" "
                                + "does not exist")
                        .hasRootCauseInstanceOf(PSQLException.class);
            } finally {
                handle.rollback();
            }
        });

        assertThat(recorder.failed).containsExactly(AuthorLoader.BOOKS_SELECT_IN);
    }

    private static List<String> titles(List<Author> authors) {
        return authors.stream()
                .map(author -> author.name() + ": " + author.books().stream().map(Book::title)
                        .collect(Collectors.joining(", ")))
                .toList();
    }

    /** What a logger sees of loadplan's statements (the test's own inserts run on other handles). */
    private static final class Recorder implements SqlLogger {
        final List<String> sql = new ArrayList<>();
        final List<String> bindings = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        int executed;

        @Override
        public void logBeforeExecution(StatementContext context) {
            sql.add(context.getRenderedSql());
            bindings.add(context.getBinding().toString());
        }

        @Override
        public void logAfterExecution(StatementContext context) {
            executed++;
        }

        @Override
        public void logException(StatementContext context, SQLException ex) {
            failed.add(context.getRenderedSql());
        }
    }
}
