package dev.loadplan.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The benchmark's tables and rows: authors, each with its books, each with its reviews and its tags, written with
 * set-based SQL. Filled once per size: a table {@code bench_size} remembers the size the rows were written for.
 */
public final class BenchData {

    /** How many rows of each kind. */
    public record Size(int authors, int booksPerAuthor, int reviewsPerBook, int tags, int tagsPerBook) {

        public long books() {
            return (long) authors * booksPerAuthor;
        }

        public long reviews() {
            return books() * reviewsPerBook;
        }

        @Override
        public String toString() {
            return authors + " authors x " + booksPerAuthor + " books x " + reviewsPerBook + " reviews, " + tags
                    + " tags, " + tagsPerBook + " per book";
        }
    }

    /** The length of each list page row's unshown text: a biography or a blurb of 2 KB. */
    public static final int WIDE_TEXT_BYTES = 2048;

    private BenchData() {
    }

    /** Creates the tables when missing and writes the rows of {@code size} unless they are there already. */
    public static void fill(DataSource dataSource, Size size) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create table if not exists bench_size (description text not null)");
            try (ResultSet current = sql.executeQuery("select description from bench_size")) {
                if (current.next() && current.getString(1).equals(size.toString())) {
                    return;
                }
            }
            sql.execute("drop table if exists book_tag, review, book, tag, author");
            sql.execute("create table author (id bigint primary key, name text not null)");
            sql.execute("create table book (id bigint primary key, author_id bigint references author (id), "
                    + "title text not null, year integer not null)");
            sql.execute("create table review (id bigint primary key, book_id bigint references book (id), "
                    + "stars integer not null, body text not null)");
            sql.execute("create table tag (id bigint primary key, label text not null)");
            sql.execute("create table book_tag (book_id bigint not null references book (id), "
                    + "tag_id bigint not null references tag (id), primary key (book_id, tag_id))");
            sql.execute("insert into author select i, 'Author ' || i from generate_series(1, " + size.authors()
                    + ") i");
            sql.execute("insert into book select (a - 1) * " + size.booksPerAuthor() + " + b, a, 'Book ' || a || '.' "
                    + "|| b, 1950 + b % 70 from generate_series(1, " + size.authors() + ") a, generate_series(1, "
                    + size.booksPerAuthor() + ") b");
            sql.execute("insert into review select (k - 1) * " + size.reviewsPerBook() + " + r, k, 1 + r % 5, "
                    + "'Review ' || r || ' of book ' || k from generate_series(1, " + size.books() + ") k, "
                    + "generate_series(1, " + size.reviewsPerBook() + ") r");
            sql.execute("insert into tag select i, 'tag ' || i from generate_series(1, " + size.tags() + ") i");
            // Tags 13 apart for each book: distinct while tagsPerBook * 13 < tags.
            sql.execute("insert into book_tag select k, 1 + (k * 7 + t * 13) % " + size.tags() + " from "
                    + "generate_series(1, " + size.books() + ") k, generate_series(1, " + size.tagsPerBook() + ") t");
            sql.execute("create index on book (author_id)");
            sql.execute("create index on review (book_id)");
            sql.execute("create index on book_tag (tag_id)");
            sql.execute("vacuum analyze");
            sql.execute("delete from bench_size");
            sql.execute("insert into bench_size values ('" + size + "')");
        }
    }

    /**
     * Creates and fills, unless they hold {@code size}'s authors and books already, the list page's tables:
     * {@code wide_author} and {@code wide_book}, the rows of {@code author} and {@code book} (same keys, names,
     * titles and years) each with a text of {@link #WIDE_TEXT_BYTES} that a list page does not show. Tables of their
     * own, so the other scenarios read the rows their recorded numbers were measured on; the scale series, which
     * refills the shared tables at up to 100,000 authors, leaves these alone.
     */
    public static void fillWide(DataSource dataSource, Size size) throws SQLException {
        String description = size.authors() + " authors x " + size.booksPerAuthor() + " books, "
                + WIDE_TEXT_BYTES + " bytes of text each";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create table if not exists wide_size (description text not null)");
            try (ResultSet current = sql.executeQuery("select description from wide_size")) {
                if (current.next() && current.getString(1).equals(description)) {
                    return;
                }
            }
            sql.execute("drop table if exists wide_book, wide_author");
            sql.execute("create table wide_author (id bigint primary key, name text not null, "
                    + "biography text not null)");
            sql.execute("create table wide_book (id bigint primary key, author_id bigint references wide_author (id), "
                    + "title text not null, year integer not null, blurb text not null)");
            sql.execute("insert into wide_author select a, 'Author ' || a, " + wideText("a") + " from "
                    + "generate_series(1, " + size.authors() + ") a");
            sql.execute("insert into wide_book select k, a, 'Book ' || a || '.' || b, 1950 + b % 70, "
                    + wideText("k") + " from generate_series(1, " + size.authors() + ") a, generate_series(1, "
                    + size.booksPerAuthor() + ") b, lateral (select (a - 1) * " + size.booksPerAuthor()
                    + " + b as k) keys");
            sql.execute("create index on wide_book (author_id)");
            sql.execute("vacuum analyze wide_author, wide_book");
            sql.execute("delete from wide_size");
            sql.execute("insert into wide_size values ('" + description + "')");
        }
    }

    /**
     * An expression of {@link #WIDE_TEXT_BYTES} ASCII characters, distinct per row ({@code key}) and random enough
     * that PostgreSQL's compression does not shrink it: what it costs to read is what a real biography's would,
     * and every byte of it crosses the wire.
     */
    private static String wideText(String key) {
        return "(select string_agg(md5(" + key + " || '.' || g), '') from generate_series(1, "
                + WIDE_TEXT_BYTES / 32 + ") g)";
    }
}
