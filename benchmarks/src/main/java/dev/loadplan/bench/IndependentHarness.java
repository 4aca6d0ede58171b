package dev.loadplan.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.loadplan.bench.model.AuthorLoader;
import dev.loadplan.bench.model.JdbcFloor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * authors -> books (1,000 x 10) loaded JOINED by loadplan beside a hand-written one-pass JDBC reader of the same
 * statement into plain objects, and beside the benchmarks' own joined floor ({@link JdbcFloor#authorsBooksJoined}),
 * apart from the benchmarks' machinery: its own pool, its own rounds, no Hibernate or jOOQ in the JVM. Each round
 * calls every contender in turn, the order reversed every other round; prints each contender's median time per call
 * and the median of its per-round ratio to the hand-written reader.
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat cp.txt) dev.loadplan.bench.IndependentHarness [calls|timed] [rounds]
 *     [round millis] [plain|counting]
 * </pre>
 *
 * {@code calls}: one call per contender per round (a round is 4 calls); {@code timed}: each contender called for
 * {@code round millis} per round, as {@link RoundRobin} does. {@code counting} takes its connections from the
 * benchmarks' pool ({@link BenchState#pool}, which counts bytes at the socket); {@code plain} from a pool of its own.
 */
public final class IndependentHarness {

    private static final int WARM_UP_ROUNDS = 10;

    /** A hand-written reader's author: plain fields, nothing loadplan knows. */
    static final class PlainAuthor {
        long id;
        String name;
        final List<PlainBook> books = new ArrayList<>();
    }

    /** A hand-written reader's book, pointing back at its author. */
    static final class PlainBook {
        long id;
        String title;
        int year;
        PlainAuthor author;
    }

    private IndependentHarness() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "calls";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long roundMillis = args.length > 2 ? Long.parseLong(args[2]) : 200;
        boolean counting = args.length > 3 && args[3].equals("counting");
        try (Database database = Database.start();
                HikariDataSource pool = counting ? BenchState.pool(database.url, database.user, database.password)
                        : plainPool(database)) {
            BenchData.fill(pool, new BenchData.Size(1_000, 10, 5, 200, 3));
            Jdbi jdbi = Jdbi.create(pool);
            Map<String, Supplier<Object>> contenders = new LinkedHashMap<>();
            contenders.put("handWritten", () -> call(() -> handWritten(pool, AuthorLoader.BOOKS_JOINED)));
            contenders.put("benchmarksFloorJoined", () -> call(() -> JdbcFloor.authorsBooksJoined(pool)));
            contenders.put("loadplanJoined", () -> AuthorLoader.withBooksJoined().list(jdbi));
            contenders.put("loadplanJoinedAgain", () -> AuthorLoader.withBooksJoined().list(jdbi));
            System.out.print(run(contenders, mode, rounds, roundMillis));
            System.out.println("mode " + mode + ", " + rounds + " rounds" + (mode.equals("timed") ? " of "
                    + roundMillis + " ms" : "") + ", " + (counting ? "the benchmarks' counting pool" : "a plain pool")
                    + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, " + database.describe());
        }
    }

    private static HikariDataSource plainPool(Database database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url);
        config.setUsername(database.user);
        config.setPassword(database.password);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** The natural one-pass reader: one row per book (or per bookless author), an author made when its key changes. */
    static List<PlainAuthor> handWritten(DataSource dataSource, String sql) throws SQLException {
        List<PlainAuthor> authors = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            PlainAuthor author = null;
            while (rows.next()) {
                long authorId = rows.getLong(1);
                if (author == null || author.id != authorId) {
                    author = new PlainAuthor();
                    author.id = authorId;
                    author.name = rows.getString(2);
                    authors.add(author);
                }
                long bookId = rows.getLong(3);
                if (!rows.wasNull()) {
                    PlainBook book = new PlainBook();
                    book.id = bookId;
                    book.title = rows.getString(4);
                    book.year = rows.getInt(5);
                    book.author = author;
                    author.books.add(book);
                }
            }
        }
        return authors;
    }

    private static String run(Map<String, Supplier<Object>> contenders, String mode, int rounds, long roundMillis) {
        List<String> names = new ArrayList<>(contenders.keySet());
        List<Supplier<Object>> calls = new ArrayList<>(contenders.values());
        double[][] millis = new double[names.size()][rounds];
        Object last = null;
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            for (int step = 0; step < names.size(); step++) {
                int index = Math.floorMod(round, 2) == 0 ? step : names.size() - 1 - step;
                int count = 0;
                long start = System.nanoTime();
                long elapsed;
                do {
                    last = calls.get(index).get();
                    count++;
                    elapsed = System.nanoTime() - start;
                } while (mode.equals("timed") && elapsed < roundMillis * 1_000_000);
                if (round >= 0) {
                    millis[index][round] = elapsed / 1e6 / count;
                }
            }
        }
        StringBuilder out = new StringBuilder("| contender | ms/call (median) | x handWritten (median of rounds) "
                + "| quartiles |\n|---|---:|---:|---|\n");
        for (int index = 0; index < names.size(); index++) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = millis[index][round] / millis[0][round];
            }
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f-%.2f |%n", names.get(index),
                    quantile(millis[index], 0.5), quantile(ratios, 0.5), quantile(ratios, 0.25),
                    quantile(ratios, 0.75)));
        }
        return out.append(last == null ? "" : "\n").toString();
    }

    private static Object call(SqlCall call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface SqlCall {
        Object run() throws SQLException;
    }

    private static double quantile(double[] values, double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(quantile * (sorted.length - 1))];
    }
}
