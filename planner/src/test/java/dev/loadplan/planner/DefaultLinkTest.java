package dev.loadplan.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.planner.HandMapped.Entity;
import dev.loadplan.planner.HandMapped.Relation;
import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.TableShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PlanShape#defaultLink}, SQLAlchemy's {@code defaultload}: a link that goes down a relationship without
 * naming its strategy keeps the one it would have without the link (named earlier, the wildcard, the declared
 * default, with the planner's fall-backs), and its plan applies below it whenever it loads, on first read included.
 * Read as a table: a plan shape in, the strategy it resolves to and the statements it runs out.
 */
class DefaultLinkTest {

    /**
     * Authors, their books ({@code Book.author} a {@code Ref} back) and the books' reviews, whose {@code Review.book}
     * is a plain reference; each relationship declares the default given.
     */
    private static final class Library {
        final Entity author;
        final Entity book;
        final Entity review;
        final Relation books;
        final Relation bookAuthor;
        final Relation reviews;
        final Relation reviewBook;

        Library(boolean records, LoadStrategy booksDefault, LoadStrategy authorDefault, LoadStrategy reviewsDefault,
                LoadStrategy reviewBookDefault) {
            author = new Entity("Author", new TableShape("authors", List.of("id", "name"), 0), records);
            book = new Entity("Book", new TableShape("books", List.of("id", "title", "author_id"), 0), records);
            review = new Entity("Review", new TableShape("reviews", List.of("id", "book_id"), 0), false);
            books = new Relation(author, RelationShape.foreignKeyInTarget("books", true, "id", "author_id",
                    List.of(new OrderTerm("id", false))), booksDefault, true, book);
            bookAuthor = new Relation(book, RelationShape.foreignKeyInSource("author", "author_id", "id", false),
                    authorDefault, true, author);
            reviews = new Relation(book, RelationShape.foreignKeyInTarget("reviews", true, "id", "book_id",
                    List.of(new OrderTerm("id", false))), reviewsDefault, true, review);
            reviewBook = new Relation(review, RelationShape.foreignKeyInSource("book", "book_id", "id", false),
                    reviewBookDefault, false, book);
            author.relations.add(books);
            book.relations.add(bookAuthor);
            book.relations.add(reviews);
            review.relations.add(reviewBook);
        }

        /** Every relationship declared {@code RAISE} but {@code Author.books}. */
        static Library booksDeclared(LoadStrategy booksDefault) {
            return new Library(false, booksDefault, LoadStrategy.RAISE, LoadStrategy.RAISE, LoadStrategy.RAISE);
        }

        PlanShape<Entity, Relation> reviewsJoined() {
            return PlanShape.of(book).link(reviews, LoadStrategy.JOINED, null);
        }
    }

    private static final String AUTHORS = """
            SELECT authors.id, authors.name
            FROM authors
            ORDER BY authors.id""";

    private static final String BOOKS_WITH_REVIEWS_PER_AUTHOR = """
            SELECT books.id, books.title, books.author_id, lp_reviews.id, lp_reviews.book_id
            FROM books
            LEFT OUTER JOIN reviews AS lp_reviews ON lp_reviews.book_id = books.id
            WHERE books.author_id = ?
            ORDER BY books.id, lp_reviews.id""";

    @Test
    void aLazyDefaultStaysLazyAndItsStatementJoinsWhatTheLinksPlanJoins() {
        Library library = Library.booksDeclared(LoadStrategy.LAZY);

        var load = Planner.plan(PlanShape.of(library.author).defaultLink(library.books, library.reviewsJoined()));

        assertThat(load.root().strategyOf(library.books)).isEqualTo(LoadStrategy.LAZY);
        assertThat(load.root().steps()).as("nothing loads with the authors").isEmpty();
        assertThat(load.described()).extracting(PlannedStatement::when)
                .containsExactly(PlannedStatement.When.ROOT, PlannedStatement.When.ON_READ);
        assertThat(load.statements()).containsExactly(AUTHORS, BOOKS_WITH_REVIEWS_PER_AUTHOR);
        assertThat(load.described().get(1).joined()).containsExactly(library.reviews);
    }

    @Test
    void anEagerDefaultKeepsItsStrategyWithTheLinksPlanBelowIt() {
        Library selectIn = Library.booksDeclared(LoadStrategy.SELECT_IN);
        Library joined = Library.booksDeclared(LoadStrategy.JOINED);

        var batched = Planner.plan(PlanShape.of(selectIn.author).defaultLink(selectIn.books, selectIn.reviewsJoined()));
        var oneStatement = Planner.plan(PlanShape.of(joined.author).defaultLink(joined.books, joined.reviewsJoined()));

        assertThat(batched.root().strategyOf(selectIn.books)).isEqualTo(LoadStrategy.SELECT_IN);
        assertThat(batched.statements()).containsExactly(AUTHORS, """
                SELECT books.id, books.title, books.author_id, lp_reviews.id, lp_reviews.book_id
                FROM books
                LEFT OUTER JOIN reviews AS lp_reviews ON lp_reviews.book_id = books.id
                WHERE books.author_id = ANY(?)
                ORDER BY books.id, lp_reviews.id""");
        assertThat(oneStatement.root().strategyOf(joined.books)).isEqualTo(LoadStrategy.JOINED);
        assertThat(oneStatement.statements()).containsExactly("""
                SELECT authors.id, authors.name, lp_books.id, lp_books.title, lp_books.author_id,
                    lp_books__reviews.id, lp_books__reviews.book_id
                FROM authors
                LEFT OUTER JOIN books AS lp_books ON lp_books.author_id = authors.id
                LEFT OUTER JOIN reviews AS lp_books__reviews ON lp_books__reviews.book_id = lp_books.id
                ORDER BY authors.id, lp_books.id, lp_books__reviews.id""");
    }

    @Test
    void theWildcardInForceWinsOverTheDeclaredDefaultWhereverItIsSet() {
        Library library = Library.booksDeclared(LoadStrategy.LAZY);
        var down = PlanShape.of(library.author).defaultLink(library.books, library.reviewsJoined());

        var after = Planner.plan(down.defaultStrategy(LoadStrategy.SELECT_IN));
        var before = Planner.plan(PlanShape.of(library.author).defaultStrategy(LoadStrategy.SELECT_IN)
                .defaultLink(library.books, library.reviewsJoined()));
        // The wildcard of the plan above, in force below it: Review.book (a plain reference) leads to books.
        var above = Planner.plan(PlanShape.of(library.review).defaultStrategy(LoadStrategy.IMMEDIATE)
                .link(library.reviewBook, LoadStrategy.SELECT_IN, PlanShape.of(library.book)
                        .defaultLink(library.bookAuthor, PlanShape.of(library.author).link(library.books,
                                LoadStrategy.NO_LOAD, null))));

        assertThat(after.root().strategyOf(library.books)).isEqualTo(LoadStrategy.SELECT_IN);
        assertThat(after.statements()).isEqualTo(before.statements()).hasSize(2);
        assertThat(after.statements().get(1)).contains("LEFT OUTER JOIN reviews AS lp_reviews")
                .contains("WHERE books.author_id = ANY(?)");
        var authorStep = above.root().steps().get(1);
        assertThat(authorStep.relation()).isEqualTo(library.bookAuthor);
        assertThat(authorStep.strategy()).as("the review plan's wildcard, IMMEDIATE, two levels down")
                .isEqualTo(LoadStrategy.IMMEDIATE);
        assertThat(authorStep.reader().unloaded()).as("the link's plan below it")
                .containsExactly(new NodePlan.Unloaded<>(library.books, LoadStrategy.NO_LOAD));
    }

    @Test
    void aStrategyNamedEarlierStaysAndTheLinksPlanReplacesWhatItLoadedBelow() {
        Library library = new Library(false, LoadStrategy.LAZY, LoadStrategy.RAISE, LoadStrategy.RAISE,
                LoadStrategy.RAISE);
        var authorBelow = PlanShape.of(library.book).link(library.bookAuthor, LoadStrategy.JOINED, null);
        var reviewsSelectIn = PlanShape.of(library.book).link(library.reviews, LoadStrategy.SELECT_IN, null);

        var shape = PlanShape.of(library.author).link(library.books, LoadStrategy.JOINED, authorBelow)
                .defaultLink(library.books, reviewsSelectIn);
        var load = Planner.plan(shape);

        assertThat(shape).as("as if named JOINED with the new plan")
                .isEqualTo(PlanShape.of(library.author).link(library.books, LoadStrategy.JOINED, reviewsSelectIn));
        assertThat(load.root().strategyOf(library.books)).isEqualTo(LoadStrategy.JOINED);
        assertThat(load.root().reader().joined().get(0).target().joined()).as("the plan it replaced joined authors")
                .isEmpty();
        assertThat(load.statements()).hasSize(2);
        assertThat(load.statements().get(1)).startsWith("SELECT reviews.id, reviews.book_id\nFROM reviews\n"
                + "WHERE reviews.book_id = ANY(?)");
    }

    @Test
    void namingTheStrategyLaterReplacesTheLinkAndADefaultLinkAgainReplacesItsPlan() {
        Library library = Library.booksDeclared(LoadStrategy.LAZY);
        var down = PlanShape.of(library.author).defaultLink(library.books, library.reviewsJoined());

        var named = Planner.plan(down.link(library.books, LoadStrategy.SELECT_IN, null));
        var again = down.defaultLink(library.books, PlanShape.of(library.book));

        assertThat(named.statements()).containsExactly(AUTHORS, """
                SELECT books.id, books.title, books.author_id
                FROM books
                WHERE books.author_id = ANY(?)
                ORDER BY books.id""");
        assertThat(again.links()).singleElement().satisfies(link -> {
            assertThat(link.keepsDefault()).isTrue();
            assertThat(link.target()).isEqualTo(PlanShape.of(library.book));
        });
        assertThat(Planner.plan(again).statements().get(1)).doesNotContain("reviews");
        assertThat(down).isNotEqualTo(PlanShape.of(library.author).link(library.books, LoadStrategy.LAZY,
                library.reviewsJoined())).as("keeping the default is not naming it, whatever it resolves to");
    }

    @Test
    void aPlainReferenceThatCannotDeferFallsBackToNoLoadAndItsPlanLoadsNothing() {
        // Review.book is a plain reference declared RAISE, which it cannot be: it is left unloaded (null).
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE, LoadStrategy.RAISE,
                LoadStrategy.RAISE);
        var authorJoined = PlanShape.of(library.book).link(library.bookAuthor, LoadStrategy.JOINED, null);

        var declared = Planner.plan(PlanShape.of(library.review).defaultLink(library.reviewBook, authorJoined));
        var lazyWildcard = Planner.plan(PlanShape.of(library.review).defaultLink(library.reviewBook, authorJoined)
                .defaultStrategy(LoadStrategy.LAZY));
        var joinedWildcard = Planner.plan(PlanShape.of(library.review).defaultLink(library.reviewBook, authorJoined)
                .defaultStrategy(LoadStrategy.JOINED));

        assertThat(declared.root().strategyOf(library.reviewBook)).isEqualTo(LoadStrategy.NO_LOAD);
        assertThat(declared.statements()).containsExactly("""
                SELECT reviews.id, reviews.book_id
                FROM reviews
                ORDER BY reviews.id""");
        assertThat(lazyWildcard.root().strategyOf(library.reviewBook)).isEqualTo(LoadStrategy.NO_LOAD);
        assertThat(lazyWildcard.statements()).isEqualTo(declared.statements());
        assertThat(joinedWildcard.root().strategyOf(library.reviewBook)).isEqualTo(LoadStrategy.JOINED);
        assertThat(joinedWildcard.statements()).singleElement().asString()
                .contains("LEFT OUTER JOIN books AS lp_book ON lp_book.id = reviews.book_id")
                .contains("LEFT OUTER JOIN authors AS lp_book__author ON lp_book__author.id = lp_book.author_id");
    }

    @Test
    void anEagerDefaultIntoAnEntityOnThePathFallsBackAndItsPlanLoadsNothing() {
        // Book.author is declared JOINED, but below Author.books its author is on the path; Review.book is declared
        // SELECT_IN, but below Book.reviews its book is.
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.JOINED, LoadStrategy.RAISE,
                LoadStrategy.SELECT_IN);
        var booksAgain = PlanShape.of(library.author).link(library.books, LoadStrategy.JOINED, null);
        var reviewsAgain = PlanShape.of(library.book).link(library.reviews, LoadStrategy.JOINED, null);

        var load = Planner.plan(PlanShape.of(library.author).link(library.books, LoadStrategy.SELECT_IN,
                PlanShape.of(library.book).defaultLink(library.bookAuthor, booksAgain)
                        .link(library.reviews, LoadStrategy.SELECT_IN,
                                PlanShape.of(library.review).defaultLink(library.reviewBook, reviewsAgain))));
        var fromBooks = Planner.plan(PlanShape.of(library.book).defaultLink(library.bookAuthor, booksAgain));

        var books = load.root().steps().get(0);
        var reviews = load.root().steps().get(1);
        assertThat(books.reader().unloaded()).as("a Ref: RAISE")
                .containsExactly(new NodePlan.Unloaded<>(library.bookAuthor, LoadStrategy.RAISE));
        assertThat(reviews.reader().unloaded()).as("a plain reference: NO_LOAD")
                .containsExactly(new NodePlan.Unloaded<>(library.reviewBook, LoadStrategy.NO_LOAD));
        assertThat(load.statements()).as("no author, nor book, read again").hasSize(3).noneMatch(sql ->
                sql.contains("JOIN authors") || sql.contains("JOIN books"));
        assertThat(fromBooks.root().strategyOf(library.bookAuthor)).as("from books, the author is not on the path")
                .isEqualTo(LoadStrategy.JOINED);
        assertThat(fromBooks.statements()).singleElement().asString()
                .contains("LEFT OUTER JOIN authors AS lp_author ON lp_author.id = books.author_id")
                .contains("LEFT OUTER JOIN books AS lp_author__books ON lp_author__books.author_id = lp_author.id");
    }

    @Test
    void aDefaultThatLoadsNothingLoadsNothingBelowIt() {
        Library library = Library.booksDeclared(LoadStrategy.RAISE);
        var filtered = library.reviewsJoined().where("books.title LIKE :t");

        var load = Planner.plan(PlanShape.of(library.author).defaultLink(library.books, filtered));

        assertThat(load.statements()).containsExactly(AUTHORS);
        assertThat(load.root().reader().unloaded())
                .containsExactly(new NodePlan.Unloaded<>(library.books, LoadStrategy.RAISE));
        assertThat(load.root().jdbc()).as("the link's condition is in no statement").isNotNull();
    }

    @Test
    void aLinksConditionGoesWhereTheStrategyItKeepsReadsItsRows() {
        Library joined = Library.booksDeclared(LoadStrategy.JOINED);
        Library selectIn = Library.booksDeclared(LoadStrategy.SELECT_IN);

        var inRoot = Planner.plan(PlanShape.of(joined.author).defaultLink(joined.books,
                PlanShape.of(joined.book).where("books.title LIKE :t"))).root();
        var inStep = Planner.plan(PlanShape.of(selectIn.author).defaultLink(selectIn.books,
                PlanShape.of(selectIn.book).where("books.title LIKE :t"))).root();

        assertThat(inRoot.sql()).contains("ON lp_books.author_id = authors.id AND (lp_books.title LIKE :t)");
        assertThat(inRoot.jdbc()).as("the root holds the link's fragment: it runs through JDBI").isNull();
        assertThat(inStep.jdbc()).as("the root holds none").isNotNull();
        assertThat(inStep.steps().get(0).sql()).contains("WHERE books.author_id = ANY(?) AND (books.title LIKE :t)");
    }

    @Test
    void aJoinBelowADefaultThatIsNestedIsRefusedWhenPlannedNamingBoth() {
        Library nested = Library.booksDeclared(LoadStrategy.NESTED);
        var shape = PlanShape.of(nested.author).defaultLink(nested.books, nested.reviewsJoined());

        assertThatThrownBy(() -> Planner.plan(shape)).isInstanceOf(PlanningException.class)
                .hasMessage("Book.reviews cannot be JOINED below a NESTED link, whose column holds rows of one table: "
                        + "Author.books is NESTED here: its declared default, as the plan names no strategy for it. "
                        + "Load Book.reviews NESTED, which reads it in the same statement, or name how Author.books "
                        + "loads");
        // Named NESTED, the link is refused as the plan is built.
        assertThatThrownBy(() -> PlanShape.of(nested.author).link(nested.books, LoadStrategy.NESTED,
                nested.reviewsJoined())).isInstanceOf(PlanningException.class)
                .hasMessageStartingWith("Book.reviews cannot be JOINED below a NESTED link");
        // Named otherwise, the same plan below it is fine.
        assertThat(Planner.plan(shape.link(nested.books, LoadStrategy.SELECT_IN, nested.reviewsJoined()))
                .statements()).hasSize(2);
    }

    @Test
    void aJoinBelowAJoinedDefaultReadInANestedColumnIsRefusedBelowALazyLinkToo() {
        // Book.reviews declared JOINED, below a NESTED link: it is nested, and a join below it cannot be written.
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE, LoadStrategy.JOINED,
                LoadStrategy.RAISE);
        var reviewsWithBook = PlanShape.of(library.book).defaultLink(library.reviews,
                PlanShape.of(library.review).link(library.reviewBook, LoadStrategy.JOINED, null));
        var nestedBooks = PlanShape.of(library.author).link(library.books, LoadStrategy.NESTED, reviewsWithBook);
        // The same, in the plan of a lazy link, whose statement is planned only on first read.
        var belowLazy = PlanShape.of(library.book).link(library.bookAuthor, LoadStrategy.LAZY, nestedBooks);
        String message = "Review.book cannot be JOINED below a NESTED link, whose column holds rows of one table: "
                + "Book.reviews is NESTED here: its declared default is JOINED, read NESTED in the nested column of "
                + "Author.books, as the plan names no strategy for it. Load Review.book NESTED, which reads it in the "
                + "same statement, or name how Book.reviews loads";

        assertThatThrownBy(() -> Planner.plan(nestedBooks)).isInstanceOf(PlanningException.class).hasMessage(message);
        assertThatThrownBy(() -> Planner.plan(belowLazy)).isInstanceOf(PlanningException.class).hasMessage(message);
        // A default NESTED with nothing joined below it plans.
        assertThat(Planner.plan(PlanShape.of(library.author).link(library.books, LoadStrategy.NESTED,
                PlanShape.of(library.book).defaultLink(library.reviews, PlanShape.of(library.review))))
                .statements()).hasSize(1);
    }

    @Test
    void recordsThatWouldHoldEachOtherAreRefusedWhenTheDefaultIsEager() {
        Library eager = new Library(true, LoadStrategy.SELECT_IN, LoadStrategy.RAISE, LoadStrategy.RAISE,
                LoadStrategy.RAISE);
        Library lazy = new Library(true, LoadStrategy.LAZY, LoadStrategy.RAISE, LoadStrategy.RAISE,
                LoadStrategy.RAISE);
        var authorBack = PlanShape.of(eager.book).link(eager.bookAuthor, LoadStrategy.JOINED, null);
        var shape = PlanShape.of(eager.author).defaultLink(eager.books, authorBack);

        assertThatThrownBy(() -> Planner.plan(shape)).isInstanceOf(PlanningException.class)
                .hasMessage("the plan loads Author.books SELECT_IN and, below it, Book.author JOINED: Author -> "
                        + "Author.books -> Book.author -> Author. Both are records, and a record cannot hold an "
                        + "instance that holds it. Load Book.author LAZY or NO_LOAD here, or map Book or Author as a "
                        + "class");
        assertThatThrownBy(() -> Planner.plan(shape.where("authors.name <> :skip")))
                .as("whatever the root statement holds").isInstanceOf(PlanningException.class)
                .hasMessageStartingWith("the plan loads Author.books SELECT_IN");
        assertThatThrownBy(() -> Planner.plan(PlanShape.fromSql(eager.author, "SELECT {columns} FROM authors")
                .defaultLink(eager.books, authorBack))).isInstanceOf(PlanningException.class)
                .hasMessageStartingWith("the plan loads Author.books SELECT_IN");
        assertThat(Planner.plan(shape.defaultStrategy(LoadStrategy.NO_LOAD)).statements())
                .as("a wildcard that loads nothing leaves the plan below unplanned").containsExactly(AUTHORS);
        var lazyAuthorBack = PlanShape.of(lazy.book).link(lazy.bookAuthor, LoadStrategy.JOINED, null);
        assertThat(Planner.plan(PlanShape.of(lazy.author).defaultLink(lazy.books, lazyAuthorBack)).statements())
                .as("a lazy default holds the record built already").hasSize(2);
    }

    @Test
    void aDefaultLinksPlanIsCheckedAsANamedLinksIs() {
        Library library = Library.booksDeclared(LoadStrategy.LAZY);

        assertThatThrownBy(() -> PlanShape.of(library.author).defaultLink(library.books,
                PlanShape.of(library.author))).isInstanceOf(PlanningException.class)
                .hasMessage("a plan for Author cannot load Author.books, which holds Book");
        assertThatThrownBy(() -> PlanShape.of(library.book).defaultLink(library.bookAuthor,
                PlanShape.of(library.author).paged("limit"))).isInstanceOf(PlanningException.class)
                .hasMessageStartingWith("the plan for Book.author limits its rows");
        assertThatThrownBy(() -> PlanShape.of(library.author).defaultLink(library.books, null))
                .isInstanceOf(NullPointerException.class).hasMessage("target");
    }
}
