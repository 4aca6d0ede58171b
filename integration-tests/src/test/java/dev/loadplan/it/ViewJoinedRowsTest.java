package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.Ref;
import dev.loadplan.annotations.View;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.views.Author;
import dev.loadplan.it.views.AuthorName;
import dev.loadplan.it.views.Book;
import dev.loadplan.it.views.BookLoader;
import dev.loadplan.it.views.Publisher;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One JOINED statement that reads the same entity rows at two places: an author's shelf holds her books with their
 * tags, then her publisher's authors as cards, each holding its books again (whose tags the second place leaves to
 * the first) and, last in the row, its publisher's list of authors. Found by the differential test (seed 1, domain
 * d40, {@code V0 * JOINED}).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/views.sql")
class ViewJoinedRowsTest {

    @View(Author.class)
    record Shelf(long id, List<Book> books, Ref<PublisherAuthors> publisher) {
    }

    @View(Publisher.class)
    record PublisherAuthors(long id, List<AuthorCard> authors) {
    }

    @View(Author.class)
    record AuthorCard(long id, List<Book> books, Ref<PublisherNames> publisher) {
    }

    /** Its list of authors is its only joined link: the rows of a run of one publisher bring each author once. */
    @View(Publisher.class)
    record PublisherNames(long id, List<AuthorName> authors) {
    }

    @BeforeAll
    static void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into publisher (id, name, address) values (1, 'P', 'a')");
            handle.execute("insert into author (id, name, born_year, biography, publisher_id) "
                    + "values (1, 'A1', 1950, 'b', 1), (2, 'A2', 1960, 'b', 1)");
            handle.execute("insert into book (id, author_id, title, blurb) values (1, 1, 'B1', 'b')");
            handle.execute("insert into tag (id, label, description) values (1, 'T1', 'd'), (2, 'T2', 'd')");
            handle.execute("insert into book_tag (book_id, tag_id) values (1, 1), (1, 2)");
        });
    }

    @Test
    void thePublishersAuthorsOnceEachWhenTheyAreSelectedIn(Jdbi jdbi) {
        Shelf shelf = shelf(ViewJoinedRowsTest_PublisherNamesLoader.withAuthorsSelectIn()).list(jdbi).get(0);

        assertThat(shelf.publisher().get().authors().get(0).publisher().get().authors())
                .extracting(AuthorName::id).containsExactly(1L, 2L);
    }

    /**
     * Fails: {@code [1, 2, 1, 2]}. The card's reader of book 1 skips the book's tags, which the shelf read first, so
     * no reader before the publisher's names sees the rows go from tag T1 to T2, and the names' reader takes the rows
     * of T2 as more of its first run: it attaches the authors again, its only joined link trusting runs to come once
     * ({@code NodeReader.read} does not read the links {@code joinedElsewhere} marks, and
     * {@code LoadState.inFirstRun} hears of a changed row only from the readers that run).
     */
    @Disabled("core bug: a joined link skipped as loaded elsewhere hides its rows' changes from the readers after it")
    @Test
    void thePublishersAuthorsOnceEachWhenTheyAreJoined(Jdbi jdbi) {
        Shelf shelf = shelf(ViewJoinedRowsTest_PublisherNamesLoader.withAuthorsJoined()).list(jdbi).get(0);

        assertThat(shelf.publisher().get().authors().get(0).publisher().get().authors())
                .extracting(AuthorName::id).containsExactly(1L, 2L);
    }

    /**
     * The shelf with its books and their tags, then its publisher's author cards, each with its books and their
     * tags, and its publisher's names as {@code names} loads them; all JOINED.
     */
    private static ViewJoinedRowsTest_ShelfLoader.Plan shelf(ViewJoinedRowsTest_PublisherNamesLoader.Plan names) {
        return ViewJoinedRowsTest_ShelfLoader.withBooksJoined(BookLoader.withTagsJoined())
                .withPublisherJoined(ViewJoinedRowsTest_PublisherAuthorsLoader.withAuthorsJoined(
                        ViewJoinedRowsTest_AuthorCardLoader.withBooksJoined(BookLoader.withTagsJoined())
                                .withPublisherJoined(names)));
    }
}
