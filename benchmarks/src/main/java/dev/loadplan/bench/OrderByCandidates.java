package dev.loadplan.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
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
 * Which ORDER BY a batched statement (SELECT_IN, SUBQUERY) should run, measured: each statement kind's candidate
 * orders, all giving every parent's children in the same order, taking turns round after round on the benchmark's
 * rows (1,000 authors x 10 books x 5 reviews, 200 tags, 3 per book). For each candidate, the median over the rounds
 * of the server's execution time ({@code EXPLAIN (ANALYZE, TIMING OFF)}, a custom plan for the bound keys) and of
 * the client's time to run the statement and read every row through JDBC, as a load does (one connection, the
 * statement prepared again each call, so the driver's server-side statement and PostgreSQL's plan cache act as they
 * do for loadplan). Prints each candidate's {@code EXPLAIN (ANALYZE, BUFFERS)} plan once, then a Markdown table.
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat cp.txt) dev.loadplan.bench.OrderByCandidates [rounds]
 * </pre>
 */
public final class OrderByCandidates {

    private static final int WARM_UP_ROUNDS = 3;

    /** One statement kind: the keys it binds (null for a subquery, which binds nothing) and its candidates. */
    private record Kind(String title, long[] keys, Map<String, String> candidates) {
    }

    private OrderByCandidates() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        try (Database database = Database.start();
                HikariDataSource pool = BenchState.pool(database.url, database.user, database.password)) {
            BenchData.fill(pool, new BenchData.Size(1_000, 10, 5, 200, 3));
            try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
                // An association table as many schemas have it: its primary key (book_id, tag_id), no other index.
                sql.execute("drop table if exists book_tag_key_only");
                sql.execute("create table book_tag_key_only (book_id bigint not null references book (id), "
                        + "tag_id bigint not null references tag (id), primary key (book_id, tag_id))");
                sql.execute("insert into book_tag_key_only select * from book_tag");
                sql.execute("vacuum analyze");
            }
            StringBuilder out = new StringBuilder();
            out.append("| statement | candidate ORDER BY | rows | server ms, custom plan | server ms, generic plan | client ms |\n");
            out.append("|---|---|---:|---:|---:|---:|\n");
            try (Connection connection = pool.getConnection()) {
                for (Kind kind : kinds()) {
                    out.append(measure(connection, kind, rounds));
                }
            }
            System.out.println();
            System.out.println(rounds + " measured rounds after " + WARM_UP_ROUNDS + " warm-up, candidates in turn, "
                    + "the order reversed every other round; " + database.describe());
            System.out.println();
            System.out.print(out);
        }
    }

    private static List<Kind> kinds() {
        long[] allBooks = range(10_000);
        long[] allAuthors = range(1_000);
        long[] pageOfBooks = range(200);
        String tags = "SELECT book_tag.book_id, tag.id, tag.label\nFROM tag\nJOIN book_tag ON book_tag.tag_id = tag.id\n";
        String inBooks = "WHERE book_tag.book_id IN (SELECT book.id FROM book)\n";
        String anyBooks = "WHERE book_tag.book_id = ANY(?)\n";
        String books = "SELECT book.id, book.title, book.year, book.author_id\nFROM book\n";
        String reviews = "SELECT review.id, review.stars, review.body, review.book_id\nFROM review\n";
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("books -> tags SELECT_IN (10,000 books)", allBooks, orders(tags + anyBooks,
                "tag.id", "book_tag.book_id, tag.id", "tag.label, tag.id", "book_tag.book_id, tag.label, tag.id")));
        kinds.add(new Kind("books -> tags SUBQUERY (every book)", null, orders(tags + inBooks,
                "tag.id", "book_tag.book_id, tag.id", "tag.label, tag.id", "book_tag.book_id, tag.label, tag.id")));
        String keyOnly = tags.replace("book_tag", "book_tag_key_only");
        kinds.add(new Kind("books -> tags SELECT_IN (10,000 books), key-only link table", allBooks, orders(
                keyOnly + anyBooks.replace("book_tag", "book_tag_key_only"), "tag.id", "book_tag_key_only.book_id, tag.id",
                "tag.label, tag.id", "book_tag_key_only.book_id, tag.label, tag.id")));
        kinds.add(new Kind("books -> tags SUBQUERY (every book), key-only link table", null, orders(
                keyOnly + inBooks.replace("book_tag", "book_tag_key_only"), "tag.id", "book_tag_key_only.book_id, tag.id",
                "tag.label, tag.id", "book_tag_key_only.book_id, tag.label, tag.id")));
        kinds.add(new Kind("books -> tags SELECT_IN (200 books)", pageOfBooks, orders(tags + anyBooks,
                "tag.id", "book_tag.book_id, tag.id")));
        kinds.add(new Kind("authors -> books SELECT_IN (1,000 authors)", allAuthors, orders(
                books + "WHERE book.author_id = ANY(?)\n", "book.id", "book.author_id, book.id",
                "book.title, book.id", "book.author_id, book.title, book.id")));
        kinds.add(new Kind("authors -> books SUBQUERY (every author)", null, orders(
                books + "WHERE book.author_id IN (SELECT author.id FROM author)\n", "book.id",
                "book.author_id, book.id", "book.title, book.id", "book.author_id, book.title, book.id")));
        kinds.add(new Kind("books -> reviews SELECT_IN (10,000 books)", allBooks, orders(
                reviews + "WHERE review.book_id = ANY(?)\n", "review.id", "review.book_id, review.id",
                "review.stars, review.id", "review.book_id, review.stars, review.id")));
        kinds.add(new Kind("books -> reviews SELECT_IN (200 books)", pageOfBooks, orders(
                reviews + "WHERE review.book_id = ANY(?)\n", "review.id", "review.book_id, review.id")));
        return kinds;
    }

    private static Map<String, String> orders(String statement, String... orders) {
        Map<String, String> candidates = new LinkedHashMap<>();
        for (String order : orders) {
            candidates.put(order, statement + "ORDER BY " + order);
        }
        return candidates;
    }

    private static long[] range(int count) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = i + 1;
        }
        return keys;
    }

    private static String measure(Connection connection, Kind kind, int rounds) throws SQLException {
        List<String> names = new ArrayList<>(kind.candidates().keySet());
        double[][] custom = new double[names.size()][rounds];
        double[][] generic = new double[names.size()][rounds];
        double[][] client = new double[names.size()][rounds];
        long[] rows = new long[names.size()];
        System.out.println("## " + kind.title());
        try (Statement sql = connection.createStatement()) {
            for (int index = 0; index < names.size(); index++) {
                String statement = kind.candidates().get(names.get(index));
                sql.execute("PREPARE lp_candidate_" + Math.abs(kind.title().hashCode()) + "_" + index + (kind.keys() != null ? "(bigint[])" : "") + " AS "
                        + statement.replace("?", "$1"));
                for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                    System.out.println("-- ORDER BY " + names.get(index) + ", " + mode);
                    System.out.println(plan(sql, kind, index, mode, "ANALYZE, BUFFERS"));
                }
            }
            for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
                for (int step = 0; step < names.size(); step++) {
                    int index = Math.floorMod(round, 2) == 0 ? step : names.size() - 1 - step;
                    double customMillis = executionTime(plan(sql, kind, index, "force_custom_plan", "ANALYZE, TIMING OFF"));
                    double genericMillis = executionTime(plan(sql, kind, index, "force_generic_plan",
                            "ANALYZE, TIMING OFF"));
                    sql.execute("RESET plan_cache_mode");
                    long start = System.nanoTime();
                    rows[index] = read(connection, kind, kind.candidates().get(names.get(index)));
                    double clientMillis = (System.nanoTime() - start) / 1e6;
                    if (round >= 0) {
                        custom[index][round] = customMillis;
                        generic[index][round] = genericMillis;
                        client[index][round] = clientMillis;
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int index = 0; index < names.size(); index++) {
            out.append(String.format(Locale.ROOT, "| %s | `%s` | %,d | %.2f | %.2f | %.2f |%n", kind.title(),
                    names.get(index), rows[index], median(custom[index]), median(generic[index]),
                    median(client[index])));
        }
        return out.toString();
    }

    /** The plan of prepared candidate {@code index} under {@code mode}, its keys' and its filters' lines left out. */
    private static String plan(Statement sql, Kind kind, int index, String mode, String options) throws SQLException {
        sql.execute("SET plan_cache_mode = " + mode);
        StringBuilder plan = new StringBuilder();
        String execute = "EXPLAIN (" + options + ") EXECUTE lp_candidate_" + Math.abs(kind.title().hashCode()) + "_" + index
                + (kind.keys() != null ? "('" + arrayLiteral(kind.keys()) + "')" : "");
        try (ResultSet lines = sql.executeQuery(execute)) {
            while (lines.next()) {
                String line = lines.getString(1);
                if (!line.contains("Filter:") && !line.contains("Cond:")) {
                    plan.append(line).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static String arrayLiteral(long[] keys) {
        StringBuilder literal = new StringBuilder("{");
        for (long key : keys) {
            literal.append(literal.length() > 1 ? "," : "").append(key);
        }
        return literal.append('}').toString();
    }

    private static double executionTime(String plan) {
        int at = plan.indexOf("Execution Time: ");
        return Double.parseDouble(plan.substring(at + 16, plan.indexOf(" ms", at)));
    }

    /** Runs {@code sql} and reads every column of every row by index, as a load does; the row count. */
    private static long read(Connection connection, Kind kind, String sql) throws SQLException {
        long count = 0;
        long sink = 0;
        try (PreparedStatement statement = prepare(connection, kind, sql);
                ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    Object value = rows.getObject(column);
                    sink += value == null ? 0 : 1;
                }
                count++;
            }
        }
        return sink >= 0 ? count : -1;
    }

    private static PreparedStatement prepare(Connection connection, Kind kind, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (kind.keys() != null) {
            Array keys = connection.createArrayOf("bigint", Arrays.stream(kind.keys()).boxed().toArray());
            statement.setArray(1, keys);
        }
        return statement;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
