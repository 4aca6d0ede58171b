package dev.loadplan.bench.scenarios;

import dev.loadplan.bench.BenchState;
import dev.loadplan.bench.model.Author;
import dev.loadplan.bench.model.AuthorLoader;
import dev.loadplan.bench.model.Book;
import dev.loadplan.bench.model.BookLoader;
import dev.loadplan.bench.model.JdbcFloor;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every contender of every scenario as one call, for the benchmarks and for the check that all of them load the
 * same graph before anything is timed.
 */
public final class Loads {

    /** The size of the page the paging scenario loads. */
    public static final int PAGE = 20;

    public static final AuthorLoader.Plan BOOKS_REVIEWS_SELECT_IN = AuthorLoader.withBooksSelectIn(
            BookLoader.withReviewsSelectIn());
    public static final AuthorLoader.Plan BOOKS_REVIEWS_SUBQUERY = AuthorLoader.withBooksSubquery(
            BookLoader.withReviewsSubquery());
    public static final AuthorLoader.Plan BOOKS_REVIEWS_JOINED = AuthorLoader.withBooksJoined(
            BookLoader.withReviewsJoined());
    /** Books and their reviews nested in one column of each author's row: one statement, one row per author. */
    public static final AuthorLoader.Plan BOOKS_REVIEWS_NESTED = AuthorLoader.withBooksNested(
            BookLoader.withReviewsNested());
    static final AuthorLoader.Plan BOOKS_REVIEWS_LAZY = AuthorLoader.withBooksLazy(BookLoader.withReviewsLazy());

    /** The statements of each floor of several statements: those of the loadplan plan it stands beside. */
    static final JdbcFloor.Statements AUTHORS_BOOKS_SELECT_IN = JdbcFloor.Statements.selectIn(
            AuthorLoader.withBooksSelectIn().sql());
    static final JdbcFloor.Statements AUTHORS_BOOKS_SUBQUERY = JdbcFloor.Statements.subquery(
            AuthorLoader.withBooksSubquery().sql());
    public static final JdbcFloor.Statements BOOKS_REVIEWS_SELECT_IN_SQL = JdbcFloor.Statements.selectIn(
            BOOKS_REVIEWS_SELECT_IN.sql());
    static final JdbcFloor.Statements BOOKS_REVIEWS_SUBQUERY_SQL = JdbcFloor.Statements.subquery(
            BOOKS_REVIEWS_SUBQUERY.sql());
    static final JdbcFloor.Statements BOOKS_AUTHOR_SELECT_IN = JdbcFloor.Statements.selectIn(
            BookLoader.withAuthorSelectIn().sql());
    static final JdbcFloor.Statements BOOKS_AUTHOR_SUBQUERY = JdbcFloor.Statements.subquery(
            BookLoader.withAuthorSubquery().sql());
    static final JdbcFloor.Statements BOOKS_TAGS_SELECT_IN = JdbcFloor.Statements.selectIn(
            BookLoader.withTagsSelectIn().sql());
    static final JdbcFloor.Statements BOOKS_TAGS_SUBQUERY = JdbcFloor.Statements.subquery(
            BookLoader.withTagsSubquery().sql());

    /** The statement of a page of authors with their books joined, its parameters as JDBC's {@code ?}. */
    public static final String PAGE_JOINED_SQL = jdbc(AuthorLoader.withBooksJoined().limit(PAGE).sql().get(0));

    /** The root statement of a page of authors whose books are loaded select-in. */
    public static final String PAGE_ROOT_SQL = jdbc(AuthorLoader.withBooksSelectIn().limit(PAGE).sql().get(0));

    /** Authors, books and reviews joined into one statement. */
    public static final String BOOKS_REVIEWS_JOINED_SQL = BOOKS_REVIEWS_JOINED.sql().get(0);

    /**
     * The root statement of {@code findById}, as loadplan writes it: {@code Benchmarks} checks, before timing, that
     * these are the statements loadplan runs.
     */
    public static final String AUTHOR_BY_ID = "SELECT author.id, author.name\nFROM author\nWHERE author.id = ?\n"
            + "ORDER BY author.id";

    /** The statements of {@code findById} with books and reviews select-in, as loadplan writes them. */
    public static final JdbcFloor.Statements AUTHOR_BY_ID_SELECT_IN = JdbcFloor.Statements.selectIn(List.of(
            AUTHOR_BY_ID, AuthorLoader.BOOKS_SELECT_IN, BookLoader.REVIEWS_SELECT_IN));

    /** The statements of {@code findById} with books and reviews by subquery: each repeats the root's key. */
    public static final JdbcFloor.Statements AUTHOR_BY_ID_SUBQUERY = JdbcFloor.Statements.subquery(
            BOOKS_REVIEWS_SUBQUERY.sql().stream().map(sql -> sql.equals(AuthorLoader.PLAIN) ? AUTHOR_BY_ID
                    : sql.replace("(SELECT author.id FROM author)", "(SELECT author.id FROM author WHERE author.id = ?)"))
                    .toList());

    /** The statement of {@code findById} with books and reviews joined, as loadplan writes it. */
    public static final String AUTHOR_BY_ID_JOINED = BOOKS_REVIEWS_JOINED_SQL.replace("\nORDER BY",
            "\nWHERE author.id = ?\nORDER BY");

    private Loads() {
    }

    /** A statement of loadplan with JDBC's {@code ?} for the named parameters of paging. */
    private static String jdbc(String sql) {
        return sql.replace(":lp_limit", "?").replace(":lp_offset", "?");
    }

    static List<Author> lazily(BenchState state, AuthorLoader.Plan plan, Consumer<Author> read) {
        return state.jdbi.withHandle(handle -> {
            List<Author> authors = plan.list(handle);
            authors.forEach(read);
            return authors;
        });
    }

    static void readBooks(Author author) {
        author.books().size();
    }

    static void readBooksAndReviews(Author author) {
        for (Book book : author.books()) {
            book.reviews().size();
        }
    }

    /** A checked exception of the floor as an unchecked one: benchmarks fail loudly, never quietly. */
    public static <T> T floor(SqlCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public interface SqlCall<T> {
        T run() throws SQLException;
    }
}
