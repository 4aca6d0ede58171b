package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A caller's fragment stays a fragment in every statement that repeats it: a line comment at its end cannot
 * swallow what loadplan writes after it, and a second statement cannot ride along.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class FragmentsTest {

    private static final String COMMENTED = "authors.name <> :skip -- Bob has no books";

    @BeforeAll
    static void data(Jdbi jdbi) {
        LibraryData.small(jdbi);
    }

    @Test
    void aLineCommentEndsWithTheFragmentInASubquery(Jdbi jdbi) {
        List<Author> authors = AuthorLoader.withBooksSubquery().where(COMMENTED).bind("skip", "Bob").list(jdbi);

        assertThat(titles(authors)).containsExactly("Ann [Ann 1, Ann 2, Ann 3]", "Cid [Cid 1]");
    }

    @Test
    void aLineCommentEndsWithTheFragmentInAJoinedPage(Jdbi jdbi) {
        List<Author> authors = AuthorLoader.withBooksJoined().where(COMMENTED).bind("skip", "Bob")
                .orderBy("authors.name DESC -- latest first").limit(1).list(jdbi);

        assertThat(titles(authors)).containsExactly("Cid [Cid 1]");
    }

    @Test
    void aLineCommentEndsWithTheFragmentWhenAnotherFilterFollows(Jdbi jdbi) {
        List<Author> authors = AuthorLoader.withBooksSelectIn().where(COMMENTED).where("authors.id < 3")
                .bind("skip", "Bob").list(jdbi);

        assertThat(titles(authors)).containsExactly("Ann [Ann 1, Ann 2, Ann 3]");
    }

    @Test
    void aLineCommentEndsWithTheFragmentInFindById(Jdbi jdbi) {
        assertThat(AuthorLoader.withBooksSubquery().where(COMMENTED).bind("skip", "Bob").findById(jdbi, 3L))
                .map(Author::name).contains("Cid");
        assertThat(AuthorLoader.plain().where(COMMENTED).bind("skip", "Bob").findById(jdbi, 2L)).isEmpty();
    }

    @Test
    void aSecondStatementIsRefusedAndNothingRuns(Jdbi jdbi, StatementCounter counter) {
        assertThatThrownBy(() -> AuthorLoader.plain().where("true; delete from books"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the where fragment \"true; delete from books\" holds a ';' at position 4, which would end "
                        + "the statement loadplan writes around it; pass one condition (or one statement for "
                        + "fromSql), without ';'");
        assertThatThrownBy(() -> AuthorLoader.fromSql("SELECT {columns} FROM authors; delete from books"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds a ';' at position 29");
        assertThat(counter.count()).isZero();
        long books = jdbi.withHandle(handle -> handle.createQuery("select count(*) from books").mapTo(Long.class).one());
        assertThat(books).isEqualTo(5L);
    }

    @Test
    void aSemicolonInALiteralOrACommentIsPartOfTheFragment(Jdbi jdbi) {
        List<Author> authors = AuthorLoader.plain()
                .where("authors.name <> 'a;b' /* ; */ AND authors.name <> $$c;d$$ AND authors.name <> E'e\\';f'")
                .list(jdbi);

        assertThat(authors).hasSize(3);
    }

    @Test
    void aFragmentThatWouldSwallowTheStatementIsRefused() {
        assertThatThrownBy(() -> AuthorLoader.plain().where("authors.name = 'Ann"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opens a string constant at position 15 that it does not close");
        assertThatThrownBy(() -> AuthorLoader.plain().where("true /* open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opens a /* comment at position 5 that it does not close");
        assertThatThrownBy(() -> AuthorLoader.plain().orderBy("authors.name) UNION (SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closes a parenthesis at position 12 that it did not open");
    }

    private static List<String> titles(List<Author> authors) {
        return authors.stream().map(author -> author.name() + " "
                + author.books().stream().map(book -> book.title()).toList()).toList();
    }
}
