package dev.loadplan.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which SQL a one-statement nested strategy (issue "Shaping what loads") should run, measured before it is built:
 * authors -> books -> reviews as select-in's three statements, as one joined statement, and as one statement
 * whose books (with their reviews) come as one aggregated column per author, in PostgreSQL's three forms: {@code json},
 * {@code jsonb} and arrays of rows. Every form's result is read as loadplan would read it, the aggregated column as
 * text and walked once character by character, the least a parser does. Forms take turns, round after round, on one
 * connection; the report gives each one's median time and the bytes its rows carry.
 */
final class NestedForms {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 11;

    private static final String AUTHORS = "SELECT author.id, author.name FROM author ORDER BY author.id";
    private static final String BOOKS = "SELECT book.id, book.title, book.author_id, book.year FROM book "
            + "WHERE book.author_id = ANY(?) ORDER BY book.id";
    private static final String REVIEWS = "SELECT review.id, review.book_id, review.stars, review.body FROM review "
            + "WHERE review.book_id = ANY(?) ORDER BY review.id";

    /** The one-statement forms. */
    private static final Map<String, String> ONE_STATEMENT = new LinkedHashMap<>();

    static {
        ONE_STATEMENT.put("joined (rows multiply)", "SELECT author.id, author.name, lp_books.id, lp_books.title, "
                + "lp_books.author_id, lp_books.year, lp_books__reviews.id, lp_books__reviews.book_id, "
                + "lp_books__reviews.stars, lp_books__reviews.body FROM author "
                + "LEFT OUTER JOIN book AS lp_books ON lp_books.author_id = author.id "
                + "LEFT OUTER JOIN review AS lp_books__reviews ON lp_books__reviews.book_id = lp_books.id "
                + "ORDER BY author.id, lp_books.id, lp_books__reviews.id");
        ONE_STATEMENT.put("nested, json_agg(json_build_array(...))", nested("json_agg", "json_build_array", "'[]'"));
        ONE_STATEMENT.put("nested, jsonb_agg(jsonb_build_array(...))",
                nested("jsonb_agg", "jsonb_build_array", "'[]'"));
        ONE_STATEMENT.put("nested, array_agg(ROW(...))", "SELECT author.id, author.name, (SELECT array_agg(ROW(b.id, "
                + "b.title, b.author_id, b.year, (SELECT array_agg(ROW(r.id, r.book_id, r.stars, r.body) ORDER BY "
                + "r.id) FROM review AS r WHERE r.book_id = b.id)) ORDER BY b.id) FROM book AS b WHERE b.author_id "
                + "= author.id) FROM author ORDER BY author.id");
    }

    private NestedForms() {
    }

    private static String nested(String aggregate, String build, String empty) {
        return "SELECT author.id, author.name, (SELECT coalesce(" + aggregate + "(" + build + "(b.id, b.title, "
                + "b.author_id, b.year, (SELECT coalesce(" + aggregate + "(" + build + "(r.id, r.book_id, r.stars, "
                + "r.body) ORDER BY r.id), " + empty + ") FROM review AS r WHERE r.book_id = b.id)) ORDER BY b.id), "
                + empty + ") FROM book AS b WHERE b.author_id = author.id) FROM author ORDER BY author.id";
    }

    /** Measures every form on 1,000 authors x 10 books x 5 reviews in schema {@code nested}; Markdown. */
    static String run(Database database) throws SQLException {
        StringBuilder out = new StringBuilder("# A one-statement nested strategy: which SQL\n\n")
                .append("authors -> books -> reviews, 1,000 x 10 x 5 (61,000 objects), and one author of them (61 "
                        + "objects, the findById of a web request). ").append(ROUNDS)
                .append(" measured rounds after ").append(WARM_UP_ROUNDS).append(" warm-up ones, the forms in turn "
                        + "(order reversed every other round), median milliseconds per load (one author: per load of "
                        + "200 in a row), every column read; the aggregated column as text, walked once. On loopback, "
                        + "where a round trip costs little. Command: `mvn -B -ntp -pl benchmarks -am package "
                        + "-DskipTests -Pbench -Dbench.mode=nestedforms`.\n\n");
        try (Connection connection = DriverManager.getConnection(database.url, database.user, database.password)) {
            fill(connection);
            out.append("## every author\n\n").append(measure(connection, null, 1));
            out.append("## one author\n\n").append(measure(connection, "author.id = 7", 200));
        }
        return out.toString();
    }

    /** Each form's median time per load, {@code loads} loads a round, its root rows those {@code where} keeps. */
    private static String measure(Connection connection, String where, int loads) throws SQLException {
        StringBuilder out = new StringBuilder("| form | statements | ms (median) | bytes read |\n|---|---:|---:|---:|\n");
        {
            List<String> names = new ArrayList<>();
            names.add("select-in (three statements)");
            names.addAll(ONE_STATEMENT.keySet());
            double[][] millis = new double[names.size()][ROUNDS];
            long[] bytes = new long[names.size()];
            for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
                for (int step = 0; step < names.size(); step++) {
                    int index = Math.floorMod(round, 2) == 0 ? step : names.size() - 1 - step;
                    long start = System.nanoTime();
                    for (int load = 0; load < loads; load++) {
                        bytes[index] = index == 0 ? selectIn(connection, where)
                                : read(connection, restricted(ONE_STATEMENT.get(names.get(index)), where), null);
                    }
                    if (round >= 0) {
                        millis[index][round] = (System.nanoTime() - start) / 1e6 / loads;
                    }
                }
            }
            for (int index = 0; index < names.size(); index++) {
                double[] sorted = millis[index].clone();
                Arrays.sort(sorted);
                out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %,d |%n", names.get(index),
                        index == 0 ? 3 : 1, sorted[ROUNDS / 2], bytes[index]));
            }
        }
        return out.append('\n').toString();
    }

    /** {@code sql} with its root rows (the last {@code ORDER BY author.id}'s) restricted by {@code where}, if given. */
    private static String restricted(String sql, String where) {
        if (where == null) {
            return sql;
        }
        int order = sql.lastIndexOf("ORDER BY author.id");
        return sql.substring(0, order) + "WHERE " + where + " " + sql.substring(order);
    }

    /** Select-in's three statements, each binding the keys the one before read; returns the characters read. */
    private static long selectIn(Connection connection, String where) throws SQLException {
        List<Long> authors = new ArrayList<>();
        long read = read(connection, restricted(AUTHORS, where), null, authors, 1);
        List<Long> books = new ArrayList<>();
        read += read(connection, BOOKS, authors.stream().mapToLong(Long::longValue).toArray(), books, 1);
        return read + read(connection, REVIEWS, books.stream().mapToLong(Long::longValue).toArray(), null, 0);
    }

    private static long read(Connection connection, String sql, long[] keys) throws SQLException {
        return read(connection, sql, keys, null, 0);
    }

    /**
     * Runs {@code sql} and reads every column of every row as text, walking each once; collects column
     * {@code keyColumn} into {@code keys} when given. Returns the characters read.
     */
    private static long read(Connection connection, String sql, long[] bound, List<Long> keys, int keyColumn)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (bound != null) {
                statement.setObject(1, bound);
            }
            long characters = 0;
            long brackets = 0;
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    if (keys != null) {
                        keys.add(result.getLong(keyColumn));
                    }
                    for (int column = 1; column <= columns; column++) {
                        String text = result.getString(column);
                        if (text != null) {
                            characters += text.length();
                            for (int i = 0; i < text.length(); i++) {
                                char c = text.charAt(i);
                                if (c == '[' || c == '(' || c == '{') {
                                    brackets++;
                                }
                            }
                        }
                    }
                }
            }
            return brackets < 0 ? -1 : characters;
        }
    }

    private static void fill(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("create schema if not exists nested");
            sql.execute("set search_path = nested");
            sql.execute("drop table if exists review, book, author");
            sql.execute("create table author (id bigint primary key, name text not null)");
            sql.execute("create table book (id bigint primary key, author_id bigint references author (id), "
                    + "title text not null, year integer not null)");
            sql.execute("create table review (id bigint primary key, book_id bigint references book (id), "
                    + "stars integer not null, body text not null)");
            sql.execute("insert into author select i, 'Author ' || i from generate_series(1, 1000) i");
            sql.execute("insert into book select (a - 1) * 10 + b, a, 'Book ' || a || '.' || b, 1950 + b "
                    + "from generate_series(1, 1000) a, generate_series(1, 10) b");
            sql.execute("insert into review select (k - 1) * 5 + r, k, 1 + r % 5, 'Review ' || r || ' of book ' || k "
                    + "from generate_series(1, 10000) k, generate_series(1, 5) r");
            sql.execute("create index on book (author_id)");
            sql.execute("create index on review (book_id)");
            sql.execute("vacuum analyze author, book, review");
        }
    }
}
