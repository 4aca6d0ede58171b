package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.StatementFailedException;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

/**
 * A statement of a plan that fails names what it was loading, and keeps the database's own error as its cause. Each
 * test breaks the schema inside a transaction it rolls back, so the next finds it whole.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class PlanFailuresTest {

    @BeforeEach
    void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("truncate books, authors");
            handle.execute("insert into authors (id, name) values (1, 'Ann')");
            handle.execute("insert into books (id, author_id, title) values (10, 1, 'Ann 1')");
        });
    }

    @Test
    void aFailingStepNamesTheRelationshipAndItsStrategy(Jdbi jdbi) {
        inBrokenSchema(jdbi, "alter table books rename to books_gone", handle ->
                assertThatThrownBy(() -> AuthorLoader.withBooksSelectIn().list(handle))
                        .isInstanceOf(StatementFailedException.class)
                        .hasMessageStartingWith("loading Author.books (SELECT_IN) failed: ERROR: relation \"books\" "
                                + "does not exist")
                        .cause().isInstanceOf(PSQLException.class)
                        .extracting(cause -> ((PSQLException) cause).getSQLState()).isEqualTo("42P01"));
    }

    @Test
    void aFailingFirstStatementNamesTheEntityItLoads(Jdbi jdbi) {
        inBrokenSchema(jdbi, "alter table authors rename column name to full_name", handle ->
                assertThatThrownBy(() -> AuthorLoader.withBooksJoined().findById(handle, 1L))
                        .isInstanceOf(StatementFailedException.class)
                        .hasMessageStartingWith("loading Author (the plan's first statement) failed: ERROR: column "
                                + "authors.name does not exist")
                        .hasCauseInstanceOf(PSQLException.class));
    }

    @Test
    void aFailingStatementOfTheCallersOwnSqlIsNamedToo(Jdbi jdbi) {
        // Statements holding the caller's SQL run through JDBI, whose exception holds the database's.
        String sql = "SELECT {columns} FROM authors WHERE authors.nickname = :n";
        inBrokenSchema(jdbi, null, handle ->
                assertThatThrownBy(() -> AuthorLoader.fromSql(sql).bind("n", "Ann").withBooksSelectIn().list(handle))
                        .isInstanceOf(StatementFailedException.class)
                        .hasMessageStartingWith("loading Author (the plan's first statement) failed: ERROR: column "
                                + "authors.nickname does not exist")
                        .hasRootCauseInstanceOf(PSQLException.class));
    }

    @Test
    void aFailingLazyReadNamesTheRelationship(Jdbi jdbi) {
        inBrokenSchema(jdbi, null, handle -> {
            List<Author> authors = AuthorLoader.withBooksLazy().list(handle);
            handle.execute("alter table books rename column title to name");

            assertThatThrownBy(() -> authors.get(0).books().size())
                    .isInstanceOf(StatementFailedException.class)
                    .hasMessageStartingWith("loading Author.books (LAZY) failed: ERROR: column books.title does not "
                            + "exist")
                    .hasCauseInstanceOf(PSQLException.class);
        });
    }

    /** Runs {@code test} in a transaction that first runs {@code ddl}, when given, and is then rolled back. */
    private static void inBrokenSchema(Jdbi jdbi, String ddl, Consumer<Handle> test) {
        jdbi.useHandle(handle -> {
            handle.begin();
            try {
                if (ddl != null) {
                    handle.execute(ddl);
                }
                test.accept(handle);
            } finally {
                handle.rollback();
            }
        });
        List<Author> afterwards = AuthorLoader.withBooksSelectIn().list(jdbi);
        assertThat(afterwards).as("the schema, whole again").hasSize(1);
    }
}
