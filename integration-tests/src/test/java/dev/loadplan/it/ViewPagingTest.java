package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.views.AuthorCard;
import dev.loadplan.it.views.AuthorCardLoader;
import dev.loadplan.it.views.BookLine;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page of views ordered by a column of the entity the view leaves out ({@code AuthorCard} has no
 * {@code born_year}): the order is the caller's fragment, which may name any column of the table, whatever the
 * view holds, and whatever strategy loads the view's collection.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/views.sql")
class ViewPagingTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            // Born the later, the lower the id: an order by born_year is not the key's.
            handle.execute("insert into author (id, name, born_year, biography) "
                    + "select i, 'A' || i, 2000 - i, 'long' from generate_series(1, 5) i");
            handle.execute("insert into book (id, author_id, title, blurb) "
                    + "select i, i % 5 + 1, 'B' || i, 'long' from generate_series(1, 10) i");
        });
    }

    @Test
    void aPageOrderedByAColumnTheViewLeavesOutWithItsBooksSelectedIn(Jdbi jdbi) {
        List<AuthorCard> cards = AuthorCardLoader.withBooksSelectIn().orderBy("author.born_year").limit(2)
                .list(jdbi);

        assertThat(cards).extracting(AuthorCard::id).containsExactly(5L, 4L);
        assertThat(cards.get(0).books()).extracting(BookLine::title).containsExactly("B4", "B9");
    }

    @Test
    void aPageOrderedByAColumnTheViewLeavesOutWithItsBooksJoined(Jdbi jdbi) {
        List<AuthorCard> cards = AuthorCardLoader.withBooksJoined().orderBy("author.born_year").limit(2).list(jdbi);

        assertThat(cards).extracting(AuthorCard::id).containsExactly(5L, 4L);
        assertThat(cards.get(0).books()).extracting(BookLine::title).containsExactly("B4", "B9");
    }
}
