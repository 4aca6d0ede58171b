package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.Strategy;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.Book;
import dev.loadplan.it.library.BookLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A loaded collection fills the other side of its relationship on each child, from what the load holds, with no
 * statement: loading {@code Author.books} gives every {@code Book.author} its author, whatever the strategy.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class BackReferencesTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        LibraryData.small(jdbi);
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "IMMEDIATE", "LAZY"})
    void everyBookHoldsTheAuthorWhoseBooksLoadedIt(Strategy strategy, Jdbi jdbi, StatementCounter counter) {
        try (Handle handle = jdbi.open()) {
            AuthorLoader.Plan plan = switch (strategy) {
                case JOINED -> AuthorLoader.withBooksJoined();
                case NESTED -> AuthorLoader.withBooksNested();
                case SELECT_IN -> AuthorLoader.withBooksSelectIn();
                case SUBQUERY -> AuthorLoader.withBooksSubquery();
                case IMMEDIATE -> AuthorLoader.withBooksImmediate();
                default -> AuthorLoader.withBooksLazy();
            };
            List<Author> authors = plan.list(handle);
            authors.forEach(author -> author.books().size());
            int statements = counter.count();

            assertThat(authors).hasSize(3);
            for (Author author : authors) {
                assertThat(author.books()).allSatisfy(book -> assertThat(book.author()).isSameAs(author));
            }
            assertThat(counter.count()).as("statements after reading every book's author").isEqualTo(statements);
        }
    }

    @Test
    void aBackReferenceBelowANestedPlanHoldsItsOwnParent(Jdbi jdbi) {
        List<Book> books = BookLoader.withAuthorSelectIn(AuthorLoader.withBooksJoined()).list(jdbi);

        for (Book book : books) {
            if (book.author() != null) {
                assertThat(book.author().books()).contains(book);
                assertThat(book.author().books()).allSatisfy(sibling -> assertThat(sibling.author())
                        .isSameAs(book.author()));
            }
        }
        assertThat(books).extracting(Book::title).contains("Orphan");
    }
}
