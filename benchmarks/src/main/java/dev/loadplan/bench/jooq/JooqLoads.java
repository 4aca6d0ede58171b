package dev.loadplan.bench.jooq;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.SQLDialect;

/** jOOQ with MULTISET: each graph in one statement, nested collections aggregated by PostgreSQL. */
public final class JooqLoads {

    public record JAuthor(long id, String name, List<JBook> books) {
    }

    public record JBook(long id, String title, int year, JAuthor author, List<JReview> reviews, List<JTag> tags) {
    }

    public record JReview(long id, int stars, String body) {
    }

    public record JTag(long id, String label) {
    }

    private static final Table<?> AUTHOR = table(name("author"));
    private static final Field<Long> AUTHOR_ID = field(name("author", "id"), Long.class);
    private static final Field<String> AUTHOR_NAME = field(name("author", "name"), String.class);
    private static final Table<?> BOOK = table(name("book"));
    private static final Field<Long> BOOK_ID = field(name("book", "id"), Long.class);
    private static final Field<String> BOOK_TITLE = field(name("book", "title"), String.class);
    private static final Field<Integer> BOOK_YEAR = field(name("book", "year"), Integer.class);
    private static final Field<Long> BOOK_AUTHOR = field(name("book", "author_id"), Long.class);
    private static final Table<?> REVIEW = table(name("review"));
    private static final Field<Long> REVIEW_ID = field(name("review", "id"), Long.class);
    private static final Field<Integer> REVIEW_STARS = field(name("review", "stars"), Integer.class);
    private static final Field<String> REVIEW_BODY = field(name("review", "body"), String.class);
    private static final Field<Long> REVIEW_BOOK = field(name("review", "book_id"), Long.class);
    private static final Table<?> TAG = table(name("tag"));
    private static final Field<Long> TAG_ID = field(name("tag", "id"), Long.class);
    private static final Field<String> TAG_LABEL = field(name("tag", "label"), String.class);
    private static final Table<?> BOOK_TAG = table(name("book_tag"));
    private static final Field<Long> BOOK_TAG_BOOK = field(name("book_tag", "book_id"), Long.class);
    private static final Field<Long> BOOK_TAG_TAG = field(name("book_tag", "tag_id"), Long.class);

    private final DSLContext sql;

    public JooqLoads(DataSource dataSource) {
        sql = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }

    private static Field<List<JBook>> books() {
        return multiset(select(BOOK_ID, BOOK_TITLE, BOOK_YEAR).from(BOOK).where(BOOK_AUTHOR.eq(AUTHOR_ID))
                .orderBy(BOOK_ID)).as("books")
                .convertFrom(rows -> rows.map(row -> new JBook(row.value1(), row.value2(), row.value3(), null,
                        null, null)));
    }

    private static Field<List<JBook>> booksWithReviews() {
        return multiset(select(BOOK_ID, BOOK_TITLE, BOOK_YEAR, multiset(select(REVIEW_ID, REVIEW_STARS, REVIEW_BODY)
                .from(REVIEW).where(REVIEW_BOOK.eq(BOOK_ID)).orderBy(REVIEW_ID)).as("reviews")
                .convertFrom(rows -> rows.map(row -> new JReview(row.value1(), row.value2(), row.value3()))))
                .from(BOOK).where(BOOK_AUTHOR.eq(AUTHOR_ID)).orderBy(BOOK_ID)).as("books")
                .convertFrom(rows -> rows.map(row -> new JBook(row.value1(), row.value2(), row.value3(), null,
                        row.value4(), null)));
    }

    public List<JAuthor> authorsBooks() {
        return sql.select(AUTHOR_ID, AUTHOR_NAME, books()).from(AUTHOR).orderBy(AUTHOR_ID)
                .fetch(row -> new JAuthor(row.value1(), row.value2(), row.value3()));
    }

    public List<JAuthor> authorsBooksReviews() {
        return sql.select(AUTHOR_ID, AUTHOR_NAME, booksWithReviews()).from(AUTHOR).orderBy(AUTHOR_ID)
                .fetch(row -> new JAuthor(row.value1(), row.value2(), row.value3()));
    }

    public JAuthor authorById(long id) {
        return sql.select(AUTHOR_ID, AUTHOR_NAME, booksWithReviews()).from(AUTHOR).where(AUTHOR_ID.eq(id))
                .fetchOne(row -> new JAuthor(row.value1(), row.value2(), row.value3()));
    }

    public List<JAuthor> authorPage(int size) {
        return sql.select(AUTHOR_ID, AUTHOR_NAME, books()).from(AUTHOR).orderBy(AUTHOR_ID).limit(size)
                .fetch(row -> new JAuthor(row.value1(), row.value2(), row.value3()));
    }

    public List<JAuthor> authorPageBooksReviews(int size) {
        return sql.select(AUTHOR_ID, AUTHOR_NAME, booksWithReviews()).from(AUTHOR).orderBy(AUTHOR_ID).limit(size)
                .fetch(row -> new JAuthor(row.value1(), row.value2(), row.value3()));
    }

    /** Books with their author: a to-one needs no MULTISET, a join does. */
    public List<JBook> booksAuthor() {
        return sql.select(BOOK_ID, BOOK_TITLE, BOOK_YEAR, AUTHOR_ID, AUTHOR_NAME).from(BOOK).leftJoin(AUTHOR)
                .on(AUTHOR_ID.eq(BOOK_AUTHOR)).orderBy(BOOK_ID)
                .fetch(row -> new JBook(row.value1(), row.value2(), row.value3(),
                        row.value4() == null ? null : new JAuthor(row.value4(), row.value5(), null), null, null));
    }

    public List<JBook> booksTags() {
        return sql.select(BOOK_ID, BOOK_TITLE, BOOK_YEAR, multiset(select(TAG_ID, TAG_LABEL).from(TAG).join(BOOK_TAG)
                        .on(BOOK_TAG_TAG.eq(TAG_ID)).where(BOOK_TAG_BOOK.eq(BOOK_ID)).orderBy(TAG_ID)).as("tags")
                        .convertFrom(rows -> rows.map(row -> new JTag(row.value1(), row.value2()))))
                .from(BOOK).orderBy(BOOK_ID)
                .fetch(row -> new JBook(row.value1(), row.value2(), row.value3(), null, null, row.value4()));
    }
}
