package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.LoadRefusedException;
import dev.loadplan.SnapshotCheck;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.Book;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StandardError;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plan of several statements in the caller's transaction reads one snapshot only at REPEATABLE READ or above: at
 * READ COMMITTED (JDBC's and Spring's default) each statement reads its own, and a commit between two of them gives a
 * graph no committed state ever had. The reproduction commits, from another connection, right after the plan's first
 * statement: the author's new name and a new book of hers, in one transaction.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class SnapshotInCallersTransactionTest {

    private static final String RENAMED = "Ann (renamed)";

    @BeforeEach
    void data(Jdbi jdbi) {
        LibraryData.small(jdbi);
    }

    @AfterEach
    void clean(Jdbi jdbi, StatementCounter counter) {
        counter.afterExecution(null);
        jdbi.useHandle(handle -> handle.execute("truncate books, authors restart identity"));
    }

    /**
     * After the first statement of a load, another transaction renames Ann and gives her a book, and commits. On a
     * thread of its own: on the load's thread, JDBI would hand it the load's own handle.
     */
    private static void commitBetweenStatements(Jdbi jdbi, StatementCounter counter) {
        AtomicBoolean done = new AtomicBoolean();
        counter.afterExecution(sql -> {
            if (sql.startsWith("SELECT authors.") && done.compareAndSet(false, true)) {
                CompletableFuture.runAsync(() -> jdbi.useTransaction(other -> {
                    other.execute("update authors set name = ? where id = 1", RENAMED);
                    other.execute("insert into books (author_id, title) values (1, 'Ann new')");
                })).join();
            }
        });
    }

    private static Author ann(List<Author> authors) {
        return authors.stream().filter(author -> author.id() == 1).findFirst().orElseThrow();
    }

    @Test
    void atReadCommittedTheGraphIsTornAndAWarningSaysSoOncePerPlan(Jdbi jdbi, StatementCounter counter) {
        commitBetweenStatements(jdbi, counter);
        String warnings = StandardError.of(() -> jdbi.withHandle(handle -> {
            handle.begin();
            try {
                Author ann = ann(AuthorLoader.withBooksSelectIn().where("authors.id > -1").list(handle));
                // The torn graph, shown: her old name with the book given to her renamed self.
                assertThat(ann.name()).isEqualTo("Ann");
                assertThat(ann.books()).extracting(Book::title).contains("Ann new");
                AuthorLoader.withBooksSelectIn().where("authors.id > -1").list(handle);
                return null;
            } finally {
                handle.rollback();
            }
        }));

        assertThat(warnings.lines().filter(line -> line.contains("runs its statements in your transaction")))
                .singleElement().asString()
                .contains("Author's plan (Author.books SELECT_IN)", "READ COMMITTED", "REPEATABLE READ",
                        "Logged once per plan");
    }

    @Test
    void failRefusesToRunAndRunsNothing(Jdbi jdbi, StatementCounter counter) {
        jdbi.useHandle(handle -> {
            handle.getConfig(LoadPlanConfig.class).setSnapshotCheck(SnapshotCheck.FAIL);
            handle.begin();
            try {
                counter.reset();
                assertThatThrownBy(() -> AuthorLoader.withBooksSubquery().list(handle))
                        .isInstanceOf(LoadRefusedException.class)
                        .returns(LoadRefusedException.Reason.TORN_SNAPSHOT, e -> ((LoadRefusedException) e).reason())
                        .hasMessageStartingWith("Author's plan (Author.books SUBQUERY) runs its statements in your "
                                + "transaction at READ COMMITTED")
                        .hasMessageContaining("nothing of it ran");
                assertThat(counter.count()).isZero();
            } finally {
                handle.rollback();
            }
        });
    }

    @Test
    void atRepeatableReadTheCallersTransactionIsOneSnapshot(Jdbi jdbi, StatementCounter counter) {
        commitBetweenStatements(jdbi, counter);
        String warnings = StandardError.of(() -> jdbi.withHandle(handle -> {
            handle.getConfig(LoadPlanConfig.class).setSnapshotCheck(SnapshotCheck.FAIL);
            handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
            handle.begin();
            try {
                Author ann = ann(AuthorLoader.withBooksSelectIn().where("authors.id > -2").list(handle));
                assertThat(ann.name()).isEqualTo("Ann");
                assertThat(ann.books()).extracting(Book::title).doesNotContain("Ann new");
                return null;
            } finally {
                handle.rollback();
                handle.setTransactionIsolationLevel(TransactionIsolationLevel.READ_COMMITTED);
            }
        }));
        assertThat(warnings).doesNotContain("runs its statements in your transaction");
    }

    @Test
    void outsideATransactionThePlanOpensItsOwnAtRepeatableRead(Jdbi jdbi, StatementCounter counter) {
        commitBetweenStatements(jdbi, counter);
        Author ann = ann(AuthorLoader.withBooksSelectIn().where("authors.id > -3").list(jdbi));

        assertThat(ann.name()).isEqualTo("Ann");
        assertThat(ann.books()).extracting(Book::title).doesNotContain("Ann new");
    }

    @Test
    void aPlanOfOneStatementIsOneSnapshotAnywhere(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.getConfig(LoadPlanConfig.class).setSnapshotCheck(SnapshotCheck.FAIL);
            handle.begin();
            try {
                assertThat(AuthorLoader.withBooksJoined().list(handle)).hasSize(3);
                assertThat(AuthorLoader.withBooksNested().list(handle)).hasSize(3);
            } finally {
                handle.rollback();
            }
        });
    }

    @Test
    void offAsksNothingAndSaysNothing(Jdbi jdbi) {
        String warnings = StandardError.of(() -> jdbi.withHandle(handle -> {
            handle.getConfig(LoadPlanConfig.class).setSnapshotCheck(SnapshotCheck.OFF);
            handle.begin();
            try {
                return AuthorLoader.withBooksSelectIn().where("authors.id > -4").list(handle);
            } finally {
                handle.rollback();
            }
        }));
        assertThat(warnings).doesNotContain("runs its statements in your transaction");
    }

    @Test
    void aLazyReadOfSeveralStatementsIsCheckedToo(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.getConfig(LoadPlanConfig.class).setSnapshotCheck(SnapshotCheck.FAIL);
            handle.begin();
            try {
                List<Author> authors = AuthorLoader.withBooksLazy(
                        dev.loadplan.it.library.BookLoader.withAuthorSelectIn()).list(handle);
                assertThatThrownBy(() -> authors.get(0).books().size())
                        .isInstanceOf(LoadRefusedException.class)
                        .returns(LoadRefusedException.Reason.TORN_SNAPSHOT, e -> ((LoadRefusedException) e).reason())
                        .hasMessageStartingWith("the lazy read of Author.books runs its statements in your transaction");
            } finally {
                handle.rollback();
            }
        });
    }
}
