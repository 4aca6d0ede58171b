package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.Book;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import dev.loadplan.it.support.StatementCounter.Counted;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The number of statements does not grow with the number of rows. */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class LargeLoadTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        LibraryData.large(jdbi, 1_000, 10);
    }

    @Test
    void thousandAuthorsWithTenBooksEachTakeTwoStatementsWithSelectIn(Jdbi jdbi, StatementCounter counter) {
        Counted<List<Author>> load = counter.measure(() -> AuthorLoader.withBooksSelectIn().list(jdbi));

        assertThat(load.count()).isEqualTo(2);
        List<Author> authors = load.value();
        assertThat(authors).hasSize(1_000);
        assertThat(authors).allSatisfy(author -> {
            assertThat(author.books()).hasSize(10);
            assertThat(author.books()).extracting(Book::authorId).containsOnly(author.id());
            assertThat(author.books()).extracting(Book::id).isSorted();
        });
        assertThat(authors).extracting(Author::id).isSorted();
    }

    @Test
    void thousandAuthorsTakeOneStatementJoinedAndTwoWithSubquery(Jdbi jdbi, StatementCounter counter) {
        List<Author> joined = counter.measure(() -> AuthorLoader.withBooksJoined().list(jdbi)).value();
        assertThat(counter.count()).isEqualTo(1);
        counter.reset();
        List<Author> subquery = AuthorLoader.withBooksSubquery().list(jdbi);
        assertThat(counter.count()).isEqualTo(2);

        assertThat(LibraryData.authorValues(subquery)).isEqualTo(LibraryData.authorValues(joined));
        assertThat(joined.stream().mapToInt(author -> author.books().size()).sum()).isEqualTo(10_000);
    }
}
