package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadRefusedException;
import dev.loadplan.LoaderPlan;
import dev.loadplan.StatementFailedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.BookLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code stream(Handle)}: the roots as they are read, what the plan loads below them loaded batch by batch. Every
 * strategy a stream takes yields the graph {@code list} yields; a select-in runs once per batch; closing early
 * releases the cursor and the transaction.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamTest {

    private static final int AUTHORS = 2_500;

    private Jdbi jdbi;
    private StatementCounter counter;

    @BeforeAll
    void data(Jdbi jdbi, StatementCounter counter) {
        this.jdbi = jdbi;
        this.counter = counter;
        LibraryData.large(jdbi, AUTHORS, 3);
        // An author with no books, between others: a batch may end on it.
        jdbi.useHandle(handle -> handle.execute("delete from books where author_id = 1000"));
    }

    @Test
    void everyStrategyAStreamTakesYieldsTheGraphListYields() {
        List<Function<Handle, List<Author>>> reads = List.of(
                handle -> AuthorLoader.withBooksSelectIn().list(handle),
                handle -> AuthorLoader.withBooksJoined().list(handle),
                handle -> AuthorLoader.withBooksImmediate().limit(50).list(handle),
                handle -> AuthorLoader.withBooksLazy().limit(30).list(handle));
        List<Function<Handle, List<Author>>> streams = List.of(
                handle -> streamed(AuthorLoader.withBooksSelectIn(), handle, 7),
                handle -> streamed(AuthorLoader.withBooksJoined(), handle, 7),
                handle -> streamed(AuthorLoader.withBooksImmediate().limit(50), handle, 7),
                handle -> streamed(AuthorLoader.withBooksLazy().limit(30), handle, 7));
        for (int i = 0; i < reads.size(); i++) {
            int strategy = i;
            jdbi.useHandle(handle -> assertThat(LibraryData.authorValues(streams.get(strategy).apply(handle)))
                    .as("strategy %d", strategy)
                    .isEqualTo(LibraryData.authorValues(reads.get(strategy).apply(handle))));
        }
    }

    @Test
    void aShapedLinkStreamsAsItLists() {
        // Each batch binds the link's condition and ranks as list's one statement does.
        BookLoader.Plan lastBook = BookLoader.plain().where("books.title <> :t").bind("t", "Book 7.1")
                .orderBy("books.title DESC").limit(1);
        jdbi.useHandle(handle -> assertThat(LibraryData.authorValues(
                streamed(AuthorLoader.withBooksSelectIn(lastBook), handle, 300)))
                .isEqualTo(LibraryData.authorValues(AuthorLoader.withBooksSelectIn(lastBook).list(handle))));
    }

    @Test
    void aManyToOneStreamsToo() {
        jdbi.useHandle(handle -> assertThat(LibraryData.bookValues(streamed(BookLoader.withAuthorSelectIn(), handle, 10)))
                .isEqualTo(LibraryData.bookValues(BookLoader.withAuthorSelectIn().list(handle))));
    }

    @Test
    void aSelectInRunsOncePerBatchOfRoots() {
        List<Author> authors = jdbi.withHandle(handle -> {
            counter.reset();
            return streamed(AuthorLoader.withBooksSelectIn(), handle, 1_000);
        });

        assertThat(authors).hasSize(AUTHORS);
        assertThat(counter.statements()).as("the root statement once, then one select-in per 1,000 roots")
                .containsExactly(AuthorLoader.PLAIN, AuthorLoader.BOOKS_SELECT_IN, AuthorLoader.BOOKS_SELECT_IN,
                        AuthorLoader.BOOKS_SELECT_IN);
    }

    @Test
    void aJoinedRootIsNeverSplitAcrossBatches() {
        List<Author> authors = jdbi.withHandle(handle -> streamed(AuthorLoader.withBooksJoined(), handle, 2));

        assertThat(authors).hasSize(AUTHORS);
        assertThat(authors).allSatisfy(author -> assertThat(author.books())
                .hasSize(author.id() == 1000 ? 0 : 3));
    }

    @Test
    void closingEarlyReleasesTheCursorAndTheTransaction() {
        jdbi.useHandle(handle -> {
            try (Stream<Author> authors = AuthorLoader.withBooksSelectIn().stream(handle, 10)) {
                // Read here, not by AssertJ, which closes a stream it is given.
                List<String> first = authors.limit(15).map(Author::name).toList();
                assertThat(first).hasSize(15).startsWith("Author 1", "Author 2");
                assertThat(handle.isInTransaction()).as("in the stream's transaction, while open").isTrue();
                assertThat(openCursors(handle)).as("the stream's cursor, while open").isEqualTo(1);
            }
            assertThat(handle.isInTransaction()).as("after close").isFalse();
            assertThat(openCursors(handle)).as("cursors after close").isZero();
            assertThat(AuthorLoader.withBooksSelectIn().limit(2).list(handle)).as("the handle's next load").hasSize(2);
        });
    }

    @Test
    void readingToTheEndClosesTheStreamWithoutAClose() {
        jdbi.useHandle(handle -> {
            long count = AuthorLoader.withBooksSelectIn().stream(handle, 500).count();

            assertThat(count).isEqualTo(AUTHORS);
            assertThat(handle.isInTransaction()).isFalse();
        });
    }

    @Test
    void aStreamInTheCallersTransactionLeavesItOpen() {
        jdbi.useHandle(handle -> {
            handle.begin();
            try (Stream<Author> authors = AuthorLoader.withBooksSelectIn().stream(handle, 100)) {
                assertThat(authors.count()).isEqualTo(AUTHORS);
            }
            assertThat(handle.isInTransaction()).as("the caller's transaction").isTrue();
            assertThat(openCursors(handle)).isZero();
            handle.rollback();
        });
    }

    @Test
    void aPlanThatRepeatsItsRootStatementIsRefused() {
        jdbi.useHandle(handle -> assertThatThrownBy(() -> AuthorLoader.withBooksSubquery().stream(handle))
                .isInstanceOf(LoadRefusedException.class)
                .returns(LoadRefusedException.Reason.NOT_STREAMABLE, e -> ((LoadRefusedException) e).reason())
                .hasMessage("this plan of Author cannot stream: Author.books (SUBQUERY) repeats the root statement as "
                        + "a subquery, so each batch would load the children of every root: load it SELECT_IN, "
                        + "which binds the keys of the batch"));
    }

    @Test
    void aFailingBatchNamesItsStatementAndEndsTheStream() {
        jdbi.useHandle(handle -> {
            handle.execute("alter table books rename column title to name");
            try {
                Stream<Author> authors = AuthorLoader.withBooksSelectIn().stream(handle, 10);
                assertThatThrownBy(() -> authors.limit(3).toList())
                        .isInstanceOf(StatementFailedException.class)
                        .hasMessageStartingWith("loading Author.books (SELECT_IN) failed: ERROR: column books.title "
                                + "does not exist")
                        .returns(Strategy.SELECT_IN, e -> ((StatementFailedException) e).strategy());
                assertThat(handle.isInTransaction()).as("the stream's transaction, rolled back").isFalse();
                assertThat(openCursors(handle)).isZero();
            } finally {
                handle.execute("alter table books rename column name to title");
            }
        });
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        jdbi.useHandle(handle -> assertThatThrownBy(() -> AuthorLoader.plain().stream(handle, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be at least 1, not 0"));
    }

    private static <E> List<E> streamed(LoaderPlan<E, ?> plan, Handle handle, int batchSize) {
        try (Stream<E> roots = plan.stream(handle, batchSize)) {
            return roots.toList();
        }
    }

    private static int openCursors(Handle handle) {
        // The query asking is a portal of its own while it runs.
        return handle.createQuery("select count(*) from pg_cursors").mapTo(Integer.class).one() - 1;
    }
}
