package dev.loadplan.it;

import static dev.loadplan.it.library.LibraryData.bookValues;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.library.Book;
import dev.loadplan.it.library.BookLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import dev.loadplan.it.support.StatementCounter.Counted;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Book.author, many-to-one, loaded each way from real PostgreSQL. */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class BookAuthorLoadingTest {

    private static final List<Object> ANN = List.of(1L, "Ann");
    private static final List<Object> CID = List.of(3L, "Cid");
    private static final List<List<Object>> EXPECTED = List.of(
            List.of(10L, "Ann 1", "1", ANN),
            List.of(11L, "Cid 1", "3", CID),
            List.of(12L, "Ann 2", "1", ANN),
            List.of(13L, "Ann 3", "1", ANN),
            List.of(14L, "Orphan", "null", "none"));

    @BeforeAll
    static void data(Jdbi jdbi) {
        LibraryData.small(jdbi);
    }

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("joined", BookLoader.withAuthorJoined(), List.of(BookLoader.AUTHOR_JOINED)),
                Arguments.of("select-in", BookLoader.withAuthorSelectIn(),
                        List.of(BookLoader.PLAIN, BookLoader.AUTHOR_SELECT_IN)),
                Arguments.of("subquery", BookLoader.withAuthorSubquery(),
                        List.of(BookLoader.PLAIN, BookLoader.AUTHOR_SUBQUERY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void loadsEveryBookWithItsAuthor(String name, BookLoader.Plan plan, List<String> statements, Jdbi jdbi,
            StatementCounter counter) {
        Counted<List<Book>> load = counter.measure(() -> plan.list(jdbi));

        assertThat(load.statements()).containsExactlyElementsOf(statements);
        assertThat(bookValues(load.value())).isEqualTo(EXPECTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void booksOfOneAuthorShareOneAuthorInstance(String name, BookLoader.Plan plan, List<String> statements,
            Jdbi jdbi) {
        List<Book> books = plan.list(jdbi);

        Book first = books.get(0);
        assertThat(books.get(2).author()).isSameAs(first.author());
        assertThat(books.get(3).author()).isSameAs(first.author());
        assertThat(books.get(1).author()).isNotSameAs(first.author());
    }

    @Test
    void everyStrategyReturnsTheSameGraph(Jdbi jdbi) {
        List<List<Object>> joined = bookValues(BookLoader.withAuthorJoined().list(jdbi));

        assertThat(bookValues(BookLoader.withAuthorSelectIn().list(jdbi))).isEqualTo(joined);
        assertThat(bookValues(BookLoader.withAuthorSubquery().list(jdbi))).isEqualTo(joined);
    }

    @Test
    void selectInLoadsTheAuthorsOfManyBooksInOneStatement(Jdbi jdbi, StatementCounter counter) {
        BookLoader.withAuthorSelectIn().list(jdbi);

        // Five books, three of them Ann's: still one statement for all their authors.
        assertThat(counter.count()).isEqualTo(2);
    }

    @Test
    void immediateAsksOncePerDistinctAuthor(Jdbi jdbi, StatementCounter counter) {
        BookLoader.withAuthorImmediate().list(jdbi);

        // Ann's three books share one statement; Cid's book has one; the orphan book has no key to ask for.
        assertThat(counter.count()).isEqualTo(1 + 2);
    }
}
