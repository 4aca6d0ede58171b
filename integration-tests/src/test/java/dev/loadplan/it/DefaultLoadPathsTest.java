package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.defaultload.Author;
import dev.loadplan.it.defaultload.AuthorLoader;
import dev.loadplan.it.defaultload.Book;
import dev.loadplan.it.defaultload.BookLoader;
import dev.loadplan.it.defaultload.Comment;
import dev.loadplan.it.defaultload.CommentLoader;
import dev.loadplan.it.defaultload.Review;
import dev.loadplan.it.defaultload.ReviewLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code with<Relationship>(plan)}, SQLAlchemy's {@code defaultload}: the link keeps the strategy it would have
 * (named earlier, the wildcard, the declared default) and the plan given applies below it whenever it loads, on first
 * read included. {@code Author.books} is declared LAZY, {@code Book.reviews} SELECT_IN, the rest nothing (RAISE),
 * and {@code Review.book} is a plain reference. Statements are counted at the driver.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/defaultload.sql")
class DefaultLoadPathsTest {

    /** Each author with each book and, when loaded, the stars of each review. */
    private static final List<Object> AUTHORS = List.of(
            List.of("ann", List.of(List.of("Atlas", List.of(5, 3)), List.of("Bay", List.of()))),
            List.of("bob", List.of(List.of("Arc", List.of(4)))),
            List.of("cid", List.of()));

    @Test
    void aLazyDefaultLoadsNothingAtFirstThenBooksWithReviewsJoinedInOneStatement(Jdbi jdbi,
            StatementCounter counter) {
        AuthorLoader.Plan plan = AuthorLoader.withBooks(BookLoader.withReviewsJoined());

        List<Author> authors = plan.list(jdbi);

        assertThat(counter.statements()).containsExactly(AuthorLoader.PLAIN);
        String booksWithReviews = plan.sql().get(1);
        assertThat(plan.sql()).containsExactly(AuthorLoader.PLAIN, booksWithReviews);
        assertThat(booksWithReviews).contains("LEFT OUTER JOIN reviews AS lp_reviews")
                .contains("WHERE books.author_id = ?");

        List<Book> annsBooks = authors.get(0).books();
        assertThat(annsBooks).extracting(Book::title).containsExactly("Atlas", "Bay");
        assertThat(counter.statements()).as("one statement on first read: books with their reviews joined")
                .containsExactly(AuthorLoader.PLAIN, booksWithReviews);
        assertThat(annsBooks.get(0).reviews()).extracting(Review::stars).containsExactly(5, 3);
        assertThat(annsBooks.get(1).reviews()).isEmpty();
        assertThat(annsBooks.get(0).author().get()).as("the back-reference").isSameAs(authors.get(0));
        assertThatThrownBy(() -> annsBooks.get(0).reviews().get(0).comments().size())
                .as("below the reviews, the declared RAISE").isInstanceOf(RelationshipNotLoadedException.class);
        assertThat(counter.count()).isEqualTo(2);

        assertThat(graph(authors)).isEqualTo(AUTHORS);
        assertThat(counter.count()).as("one lazy statement per author, and nothing for the reviews").isEqualTo(4);
    }

    @Test
    void aSelectInDefaultRunsItsStatementWithTheJoinsOfThePlanBelowIt(Jdbi jdbi, StatementCounter counter) {
        BookLoader.Plan plan = BookLoader.withReviews(ReviewLoader.withCommentsJoined());

        List<Book> books = plan.list(jdbi);

        assertThat(plan.sql()).as("as if named SELECT_IN")
                .isEqualTo(BookLoader.withReviewsSelectIn(ReviewLoader.withCommentsJoined()).sql());
        assertThat(counter.statements()).isEqualTo(plan.sql()).hasSize(2);
        assertThat(counter.statements().get(1)).contains("WHERE reviews.book_id = ANY(?)")
                .contains("LEFT OUTER JOIN comments AS lp_comments");
        assertThat(books.get(0).reviews().get(0).comments()).extracting(Comment::body).containsExactly("yes", "no");
        assertThat(books.get(2).reviews().get(0).comments()).extracting(Comment::body).containsExactly("maybe");
        assertThat(counter.count()).isEqualTo(2);
    }

    @Test
    void theWildcardGivesTheLinkItsStrategyWhereverItIsSet(Jdbi jdbi, StatementCounter counter) {
        for (AuthorLoader.Plan plan : List.of(
                AuthorLoader.withBooks(BookLoader.withReviewsJoined()).defaultStrategy(Strategy.SELECT_IN),
                AuthorLoader.plain().defaultStrategy(Strategy.SELECT_IN).withBooks(BookLoader.withReviewsJoined()))) {
            counter.reset();

            List<Author> authors = plan.list(jdbi);

            // The wildcard applies below too: the reviews' comments load SELECT_IN.
            assertThat(plan.sql()).isEqualTo(AuthorLoader.withBooksSelectIn(BookLoader.withReviewsJoined())
                    .defaultStrategy(Strategy.SELECT_IN).sql());
            assertThat(counter.statements()).isEqualTo(plan.sql()).hasSize(3);
            assertThat(counter.statements().get(1)).contains("LEFT OUTER JOIN reviews AS lp_reviews")
                    .contains("WHERE books.author_id = ANY(?)");
            assertThat(graph(authors)).isEqualTo(AUTHORS);
            assertThat(authors.get(0).books().get(0).reviews().get(0).comments()).hasSize(2);
            assertThat(counter.count()).as("all of it with the authors").isEqualTo(3);
        }
    }

    @Test
    void aStrategyNamedEarlierStaysAndThePlanGivenReplacesItsPlan(Jdbi jdbi, StatementCounter counter) {
        AuthorLoader.Plan plan = AuthorLoader.withBooksJoined(BookLoader.withReviewsNoLoad())
                .withBooks(BookLoader.withReviewsSelectIn(ReviewLoader.withCommentsJoined()));

        List<Author> authors = plan.list(jdbi);

        assertThat(plan.sql()).isEqualTo(AuthorLoader.withBooksJoined(
                BookLoader.withReviewsSelectIn(ReviewLoader.withCommentsJoined())).sql());
        assertThat(counter.statements()).isEqualTo(plan.sql()).hasSize(2);
        assertThat(counter.statements().get(0)).contains("LEFT OUTER JOIN books AS lp_books");
        assertThat(graph(authors)).as("the reviews the replaced plan left out are loaded").isEqualTo(AUTHORS);
        assertThat(authors.get(1).books().get(0).reviews().get(0).comments()).extracting(Comment::body)
                .containsExactly("maybe");
        assertThat(counter.count()).isEqualTo(2);
    }

    @Test
    void namingTheStrategyLaterReplacesTheLink(Jdbi jdbi, StatementCounter counter) {
        AuthorLoader.Plan plan = AuthorLoader.withBooks(BookLoader.withReviewsJoined()).withBooksSelectIn();

        List<Author> authors = plan.list(jdbi);

        assertThat(counter.statements()).containsExactly(AuthorLoader.PLAIN, AuthorLoader.BOOKS_SELECT_IN,
                BookLoader.REVIEWS_SELECT_IN);
        assertThat(graph(authors)).as("the reviews as declared, SELECT_IN").isEqualTo(AUTHORS);
        assertThat(counter.count()).isEqualTo(3);
    }

    @Test
    void whereTheDefaultLoadsNothingThePlanBelowLoadsNothing(Jdbi jdbi, StatementCounter counter) {
        // Review.comments declares nothing (RAISE); Review.book is a plain reference, which RAISE leaves null.
        List<Review> reviews = ReviewLoader.withComments(CommentLoader.withReviewJoined())
                .withBook(BookLoader.withReviewsJoined()).list(jdbi);

        assertThat(counter.statements()).containsExactly(ReviewLoader.PLAIN);
        assertThat(reviews).hasSize(3).allSatisfy(review -> assertThat(review.book()).isNull());
        assertThatThrownBy(() -> reviews.get(0).comments().size()).isInstanceOf(RelationshipNotLoadedException.class)
                .hasMessageStartingWith("Review.comments was not loaded by this plan");
        assertThat(counter.count()).isEqualTo(1);
    }

    @Test
    void aLazyLinksConditionAndBindsApplyOnFirstRead(Jdbi jdbi, StatementCounter counter) {
        AuthorLoader.Plan plan = AuthorLoader.withBooks(BookLoader.withReviewsJoined()
                .where("books.title LIKE :t").bind("t", "A%"));

        try (Handle handle = jdbi.open()) {
            List<Author> authors = plan.list(handle);

            assertThat(counter.count()).isEqualTo(1);
            assertThat(authors.get(0).books()).extracting(Book::title).containsExactly("Atlas");
            assertThat(authors.get(0).books().get(0).reviews()).extracting(Review::stars).containsExactly(5, 3);
            assertThat(authors.get(1).books()).extracting(Book::title).containsExactly("Arc");
            assertThat(counter.count()).isEqualTo(3);
        }
    }

    /** Each author: its name and each book, with the stars of each review, read as a user reads them. */
    private static List<Object> graph(List<Author> authors) {
        return authors.stream().<Object>map(author -> List.of(author.name(), author.books().stream()
                .<Object>map(book -> List.of(book.title(), book.reviews().stream().map(Review::stars).toList()))
                .toList())).toList();
    }
}
