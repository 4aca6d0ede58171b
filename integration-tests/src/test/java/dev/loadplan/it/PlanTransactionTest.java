package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plan of several statements reads one snapshot: another session commits a new book between the authors'
 * statement and the books' statement, and the plan must not see it unless the caller's own transaction would.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class PlanTransactionTest {

    private Jdbi jdbi;
    private StatementCounter counter;

    @BeforeEach
    void data(Jdbi jdbi, StatementCounter counter) {
        this.jdbi = jdbi;
        this.counter = counter;
        jdbi.useHandle(handle -> {
            handle.execute("truncate books, authors");
            handle.execute("insert into authors (id, name) values (1, 'Ann')");
            handle.execute("insert into books (id, author_id, title) values (10, 1, 'Ann 1')");
        });
        counter.afterExecution(new CommitAfterFirstStatement());
    }

    @AfterEach
    void stopCommitting() {
        counter.afterExecution(null);
    }

    @Test
    void aPlanOfSeveralStatementsReadsOneSnapshot() {
        List<Author> authors = AuthorLoader.withBooksSelectIn().list(jdbi);

        assertThat(authors.get(0).books()).extracting(book -> book.title()).containsExactly("Ann 1");
        assertThat(bookCount()).as("the concurrent book was committed").isEqualTo(2);
    }

    @Test
    void aPlanRunsInTheCallersTransactionWhenOneIsOpen() {
        // READ COMMITTED sees what others commit between statements: if the plan ran in a transaction of its
        // own at REPEATABLE READ instead, it would not see the concurrent book.
        List<Author> authors = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                handle -> AuthorLoader.withBooksSelectIn().list(handle));

        assertThat(authors.get(0).books()).extracting(book -> book.title()).containsExactly("Ann 1", "Ann 2");
    }

    @Test
    void onlyAPlanOfSeveralStatementsOpensATransaction() {
        AtomicInteger transactions = new AtomicInteger();
        TransactionHandler previous = jdbi.getTransactionHandler();
        jdbi.setTransactionHandler(new CountingTransactions(previous, transactions));
        try {
            AuthorLoader.withBooksJoined().list(jdbi);
            assertThat(transactions).as("transactions of a one-statement plan").hasValue(0);

            AuthorLoader.withBooksSelectIn().list(jdbi);
            assertThat(transactions).as("transactions of a two-statement plan").hasValue(1);
        } finally {
            jdbi.setTransactionHandler(previous);
        }
    }

    /** Counts the transactions begun on a handle, however they are begun. */
    private static final class CountingTransactions extends DelegatingTransactionHandler {
        private final AtomicInteger opened;

        CountingTransactions(TransactionHandler delegate, AtomicInteger opened) {
            super(delegate);
            this.opened = opened;
        }

        @Override
        public TransactionHandler specialize(Handle handle) throws SQLException {
            // JDBI binds a handler to each handle; the counting must survive that.
            return new CountingTransactions(getDelegate().specialize(handle), opened);
        }

        @Override
        public void begin(Handle handle) {
            opened.incrementAndGet();
            super.begin(handle);
        }
    }

    private int bookCount() {
        return jdbi.withHandle(handle -> LibraryData.count(handle, "books"));
    }

    /** Commits a second book for Ann from another connection once the plan's first statement has run. */
    private final class CommitAfterFirstStatement implements Consumer<String> {
        private final AtomicBoolean done = new AtomicBoolean();

        @Override
        public void accept(String sql) {
            if (sql.startsWith("SELECT authors.") && done.compareAndSet(false, true)) {
                try (Handle other = jdbi.open()) {
                    other.execute("insert into books (id, author_id, title) values (11, 1, 'Ann 2')");
                }
            }
        }
    }
}
