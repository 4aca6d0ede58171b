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
 * How a link limited per parent ({@code limit} on a link's plan) is best written, measured: "the three best
 * reviews of every book" in each SQL form PostgreSQL offers, for the batched statement (the books' keys bound as
 * one array) and for the joined one, on two shapes of data (few reviews per book, many per book). Each form runs in
 * turn, round after round, on one connection, its rows read as loadplan reads them; the report gives the median
 * time of each, for every book and for 20 of them (a page, or the books of one author). loadplan writes the forms marked as its own; this is the measurement that chose them.
 */
final class TopNForms {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 11;
    private static final int LIMIT = 3;

    private static final String ORDER = "review.stars DESC, review.id";
    private static final String COLUMNS = "review.id, review.book_id, review.stars, review.body";

    /** The batched forms: every book's three best reviews, the keys bound as one array. */
    private static final Map<String, String> BATCHED = new LinkedHashMap<>();
    /** The joined forms: every book with its three best reviews in the same rows. */
    private static final Map<String, String> JOINED = new LinkedHashMap<>();

    static {
        BATCHED.put("row_number() per parent in a derived table (loadplan's)", "SELECT " + COLUMNS + "\n"
                + "FROM (SELECT review.*, row_number() OVER (PARTITION BY review.book_id ORDER BY " + ORDER
                + ") AS lp_rank FROM review WHERE review.book_id = ANY(?)) AS review\n"
                + "WHERE review.lp_rank BETWEEN 1 AND " + LIMIT + "\nORDER BY " + ORDER);
        BATCHED.put("unnest(keys) CROSS JOIN LATERAL (... LIMIT)", "SELECT " + COLUMNS + "\n"
                + "FROM unnest(?::bigint[]) AS lp_parent(key)\n"
                + "CROSS JOIN LATERAL (SELECT review.* FROM review WHERE review.book_id = lp_parent.key ORDER BY "
                + ORDER + " LIMIT " + LIMIT + ") AS review\nORDER BY " + ORDER);
        String books = "SELECT book.id, book.title, lp_reviews.id, lp_reviews.stars, lp_reviews.body\nFROM book\n";
        String order = "\nORDER BY book.id, lp_reviews.stars DESC, lp_reviews.id";
        JOINED.put("LEFT JOIN LATERAL (row_number() of the parent's) ON rank", books
                + "LEFT OUTER JOIN LATERAL (SELECT lp_reviews.*, row_number() OVER (ORDER BY lp_reviews.stars DESC, "
                + "lp_reviews.id) AS lp_rank FROM review AS lp_reviews WHERE lp_reviews.book_id = book.id) AS "
                + "lp_reviews ON lp_reviews.lp_rank BETWEEN 1 AND " + LIMIT + order);
        JOINED.put("LEFT JOIN LATERAL (... LIMIT) ON true", books
                + "LEFT OUTER JOIN LATERAL (SELECT lp_reviews.* FROM review AS lp_reviews WHERE lp_reviews.book_id = "
                + "book.id ORDER BY lp_reviews.stars DESC, lp_reviews.id LIMIT " + LIMIT + ") AS lp_reviews ON true"
                + order);
        JOINED.put("LEFT JOIN (row_number() per parent in a derived table) ON key and rank (loadplan's)", books
                + "LEFT OUTER JOIN (SELECT review.*, row_number() OVER (PARTITION BY review.book_id ORDER BY "
                + ORDER + ") AS lp_rank FROM review) AS lp_reviews ON lp_reviews.book_id = book.id AND "
                + "lp_reviews.lp_rank <= " + LIMIT + order);
    }

    private TopNForms() {
    }

    /** Measures every form on two data shapes in {@code database}'s {@code topn} tables; Markdown. */
    static String run(Database database) throws SQLException {
        StringBuilder out = new StringBuilder("# Top-N per parent: which SQL\n\n")
                .append("The three best reviews (stars, then key) of every book. ").append(ROUNDS)
                .append(" measured rounds after ").append(WARM_UP_ROUNDS).append(" warm-up ones, the forms in turn "
                        + "(order reversed every other round), median milliseconds per statement, rows read by "
                        + "index as loadplan reads them. Command: `mvn -B -ntp -pl benchmarks -am package -DskipTests "
                        + "-Pbench -Dbench.mode=topn`.\n\n");
        try (Connection connection = DriverManager.getConnection(database.url, database.user, database.password)) {
            for (int[] shape : new int[][] {{10_000, 5}, {1_000, 200}}) {
                fill(connection, shape[0], shape[1]);
                long[] keys = new long[shape[0]];
                Arrays.setAll(keys, i -> i + 1);
                out.append("## ").append(String.format(Locale.ROOT, "%,d books, %d reviews each", shape[0], shape[1]))
                        .append("\n\n| form | statement | ms (median) |\n|---|---|---:|\n");
                measure(connection, "batched, every book", BATCHED, keys, out);
                measure(connection, "batched, 20 books", BATCHED, Arrays.copyOf(keys, 20), out);
                measure(connection, "joined, every book", JOINED, null, out);
                Map<String, String> page = new LinkedHashMap<>();
                JOINED.forEach((name, sql) -> page.put(name, sql.replace("\nORDER BY", "\nWHERE book.id <= 20\nORDER BY")));
                measure(connection, "joined, 20 books", page, null, out);
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void measure(Connection connection, String kind, Map<String, String> forms, long[] keys,
            StringBuilder out) throws SQLException {
        List<String> names = new ArrayList<>(forms.keySet());
        double[][] millis = new double[names.size()][ROUNDS];
        int[] rows = new int[names.size()];
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            for (int step = 0; step < names.size(); step++) {
                int index = Math.floorMod(round, 2) == 0 ? step : names.size() - 1 - step;
                long start = System.nanoTime();
                rows[index] = read(connection, forms.get(names.get(index)), keys);
                if (round >= 0) {
                    millis[index][round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        for (int index = 0; index < names.size(); index++) {
            if (rows[index] != rows[0]) {
                throw new IllegalStateException(names.get(index) + " read " + rows[index] + " rows, "
                        + names.get(0) + " " + rows[0]);
            }
            double[] sorted = millis[index].clone();
            Arrays.sort(sorted);
            out.append(String.format(Locale.ROOT, "| %s | %s | %.1f |%n", kind, names.get(index),
                    sorted[ROUNDS / 2]));
        }
    }

    /** Runs {@code sql} (binding {@code keys} when given) and reads every row; returns how many. */
    private static int read(Connection connection, String sql, long[] keys) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (keys != null) {
                statement.setObject(1, keys);
            }
            int count = 0;
            long sum = 0;
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    sum += result.getLong(1);
                    for (int column = 2; column <= columns; column++) {
                        result.getObject(column);
                    }
                    count++;
                }
            }
            return sum == Long.MIN_VALUE ? -1 : count;
        }
    }

    /** Tables {@code book} and {@code review} of their own (schema {@code topn}), {@code books} by {@code each}. */
    private static void fill(Connection connection, int books, int each) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("create schema if not exists topn");
            sql.execute("set search_path = topn");
            sql.execute("drop table if exists review, book");
            sql.execute("create table book (id bigint primary key, title text not null)");
            sql.execute("create table review (id bigint primary key, book_id bigint not null references book (id), "
                    + "stars integer not null, body text not null)");
            sql.execute("insert into book select i, 'Book ' || i from generate_series(1, " + books + ") i");
            sql.execute("insert into review select (k - 1) * " + each + " + r, k, 1 + (k * 7 + r * 13) % 5, "
                    + "'Review ' || r || ' of book ' || k from generate_series(1, " + books + ") k, "
                    + "generate_series(1, " + each + ") r");
            sql.execute("create index on review (book_id)");
            sql.execute("vacuum analyze book, review");
        }
    }
}
