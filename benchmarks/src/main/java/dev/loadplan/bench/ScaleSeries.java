package dev.loadplan.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.loadplan.bench.model.Author;
import dev.loadplan.bench.model.AuthorLoader;
import dev.loadplan.bench.model.BookLoader;
import dev.loadplan.bench.model.JdbcFloor;
import dev.loadplan.bench.scenarios.Loads;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * authors -> books -> reviews, select-in, from 10 to 100,000 authors (61 objects each): time per object, the
 * statements a load runs, and the heap it takes, beside the hand-written floor running the same statements. Not JMH:
 * one load of 6 million objects is a measurement of its own; each size is loaded after warm-up loads, five times each,
 * loadplan and the floor in turn, and the medians reported.
 */
final class ScaleSeries {

    private static final int[] AUTHORS = {10, 100, 1_000, 10_000, 100_000};

    private ScaleSeries() {
    }

    static String run(Database database) throws Exception {
        StringBuilder out = new StringBuilder("## Scale: authors -> books -> reviews, select-in\n\n");
        out.append("10 books per author, 5 reviews per book; ").append(Runtime.getRuntime().maxMemory() >> 20)
                .append(" MB of heap at most. Time is the median of 5 loads after warm-up; peak heap is the sum of "
                        + "the heap pools' peaks during one load, retained heap what the graph holds after a full "
                        + "collection. The floor is hand-written JDBC running the same three statements, loaded in "
                        + "turn with loadplan; `x floor` is loadplan's median time over the floor's.\n\n");
        out.append("| authors | objects | statements | ms/load | ns/object | floor ms/load | x floor | peak heap MB "
                + "| retained heap MB |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        try (HikariDataSource pool = BenchState.pool(database.url, database.user, database.password)) {
            Jdbi jdbi = Jdbi.create(pool);
            // The load whose heap is measured also counts its statements, as the driver gets them.
            List<String> statements = Collections.synchronizedList(new ArrayList<>());
            Jdbi counted = Jdbi.create(PreparedStatements.noting(pool, statements));
            AuthorLoader.Plan plan = AuthorLoader.withBooksSelectIn(BookLoader.withReviewsSelectIn());
            for (int authors : AUTHORS) {
                BenchData.fill(pool, new BenchData.Size(authors, 10, 5, 200, 3));
                long objects = authors * 61L;
                int warmUps = (int) Math.max(2, Math.min(50, 2_000_000 / objects));
                for (int i = 0; i < warmUps; i++) {
                    plan.list(jdbi);
                    JdbcFloor.authorsBooksReviews(pool, Loads.BOOKS_REVIEWS_SELECT_IN_SQL);
                }
                long[] times = new long[5];
                long[] floorTimes = new long[5];
                for (int i = 0; i < times.length; i++) {
                    long start = System.nanoTime();
                    plan.list(jdbi);
                    times[i] = System.nanoTime() - start;
                    start = System.nanoTime();
                    JdbcFloor.authorsBooksReviews(pool, Loads.BOOKS_REVIEWS_SELECT_IN_SQL);
                    floorTimes[i] = System.nanoTime() - start;
                }
                Arrays.sort(times);
                Arrays.sort(floorTimes);
                statements.clear();
                long baseline = collectedHeap();
                resetPeaks();
                List<Author> graph = plan.list(counted);
                long peak = peakHeap();
                long retained = collectedHeap() - baseline;
                int ran = statements.size();
                out.append(String.format(Locale.ROOT, "| %,d | %,d | %d | %.1f | %.0f | %.1f | %.2f | %d | %d |%n",
                        authors, objects, ran, times[2] / 1e6, (double) times[2] / objects, floorTimes[2] / 1e6,
                        (double) times[2] / floorTimes[2], peak >> 20, Math.max(0, retained) >> 20));
                System.out.println(out.substring(out.lastIndexOf("\n", out.length() - 2) + 1).trim()
                        + " (" + graph.size() + " roots)");
                graph = new ArrayList<>();
            }
        }
        return out.append('\n').toString();
    }

    private static long collectedHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
