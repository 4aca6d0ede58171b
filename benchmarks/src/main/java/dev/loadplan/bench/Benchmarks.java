package dev.loadplan.bench;

import dev.loadplan.bench.scenarios.AuthorById;
import dev.loadplan.bench.scenarios.AuthorPage;
import dev.loadplan.bench.scenarios.AuthorsBooks;
import dev.loadplan.bench.scenarios.AuthorsBooksReviews;
import dev.loadplan.bench.scenarios.BooksAuthor;
import dev.loadplan.bench.scenarios.BooksTags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks: starts an embedded PostgreSQL (or uses {@code -Dloadplan.url}), checks that every
 * contender of every scenario loads the same graph, runs JMH with its gc profiler, and writes the results as
 * ratios to the floor. Modes:
 * <ul>
 *   <li>{@code quick}: one fork, short iterations, under 5 minutes on 2 cores; writes {@code target/RESULTS-quick.md}.
 *   <li>{@code full}: two forks, long iterations, then the scale series; writes {@code RESULTS.md}.
 *   <li>{@code scale}: the scale series alone (authors -> books -> reviews, 10 to 100,000 authors).
 * </ul>
 * Further arguments go to JMH's include filter, as regular expressions ({@code AuthorById}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 || args[0].isBlank() ? "quick" : args[0];
        List<String> include = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].isBlank()) {
                include.add(args[i]);
            }
        }
        try (Database database = Database.start()) {
            System.out.println("benchmarks on " + database.describe());
            StringBuilder report = new StringBuilder();
            if (!mode.equals("scale")) {
                checkAgreement(database);
                Collection<RunResult> results = new Runner(options(mode, database, include).build()).run();
                report.append(Report.jmh(results, mode, database.describe()));
            }
            if (mode.equals("full") || mode.equals("scale")) {
                report.append(ScaleSeries.run(database));
            }
            Path file = mode.equals("full") ? Path.of("RESULTS.md") : Path.of("target", "RESULTS-" + mode + ".md");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report.toString());
            System.out.println(report);
            System.out.println("written to " + file.toAbsolutePath());
        }
    }

    private static ChainedOptionsBuilder options(String mode, Database database, List<String> include) {
        boolean full = mode.equals("full");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(full ? 2 : 1)
                .warmupIterations(full ? 5 : 2)
                .warmupTime(TimeValue.milliseconds(full ? 2000 : 500))
                .measurementIterations(full ? 10 : 3)
                .measurementTime(TimeValue.milliseconds(full ? 2000 : 500))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xmx2g", "-Dorg.jboss.logging.provider=slf4j",
                        "-Dloadplan.bench.url=" + database.url,
                        "-Dloadplan.bench.user=" + (database.user == null ? "" : database.user),
                        "-Dloadplan.bench.password=" + (database.password == null ? "" : database.password));
        if (include.isEmpty()) {
            options.include(AuthorsBooks.class.getPackageName() + ".*");
        } else {
            include.forEach(options::include);
        }
        return options;
    }

    /** Runs each contender once, at the default sizes, and fails when two of a scenario load different graphs. */
    private static void checkAgreement(Database database) throws Exception {
        BenchState state = new BenchState();
        state.authors = 1000;
        state.booksPerAuthor = 10;
        state.reviewsPerBook = 5;
        state.tags = 200;
        state.tagsPerBook = 3;
        System.setProperty("loadplan.bench.url", database.url);
        if (database.user != null) {
            System.setProperty("loadplan.bench.user", database.user);
        }
        if (database.password != null) {
            System.setProperty("loadplan.bench.password", database.password);
        }
        state.open();
        BenchState.Hibernate hibernate = new BenchState.Hibernate();
        hibernate.open(state);
        BenchState.Jooq jooq = new BenchState.Jooq();
        jooq.open(state);
        try {
            AuthorsBooks authorsBooks = new AuthorsBooks();
            agree("authors -> books", state, object -> Agreement.authors(object, 1), Map.of(
                    "floor", authorsBooks::floor, "floorJoined", authorsBooks::floorJoined,
                    "loadplanJoined", authorsBooks::loadplanJoined, "loadplanSelectIn", authorsBooks::loadplanSelectIn,
                    "loadplanSubquery", authorsBooks::loadplanSubquery, "loadplanLazy", authorsBooks::loadplanLazy,
                    "hibernate", db -> authorsBooks.hibernate(db, hibernate), "jooq", db -> authorsBooks.jooq(db, jooq)));
            AuthorsBooksReviews reviews = new AuthorsBooksReviews();
            agree("authors -> books -> reviews", state, object -> Agreement.authors(object, 2), Map.of(
                    "floor", reviews::floor, "loadplanJoined", reviews::loadplanJoined,
                    "loadplanSelectIn", reviews::loadplanSelectIn, "loadplanSubquery", reviews::loadplanSubquery,
                    "loadplanLazy", reviews::loadplanLazy, "hibernate", db -> reviews.hibernate(db, hibernate), "jooq", db -> reviews.jooq(db, jooq)));
            AuthorById byId = new AuthorById();
            agree("findById", state, object -> Agreement.authors(object, 2), Map.of(
                    "floor", byId::floor, "loadplanJoined", byId::loadplanJoined,
                    "loadplanSelectIn", byId::loadplanSelectIn, "loadplanSubquery", byId::loadplanSubquery,
                    "hibernate", db -> byId.hibernate(db, hibernate), "jooq", db -> byId.jooq(db, jooq)));
            AuthorPage page = new AuthorPage();
            agree("a page of authors", state, object -> Agreement.authors(object, 1), Map.of(
                    "floor", page::floor, "loadplanJoined", page::loadplanJoined,
                    "loadplanSelectIn", page::loadplanSelectIn, "hibernate", db -> page.hibernate(db, hibernate), "jooq", db -> page.jooq(db, jooq)));
            BooksAuthor booksAuthor = new BooksAuthor();
            agree("books -> author", state, object -> Agreement.books((List<?>) object, false), Map.of(
                    "floor", booksAuthor::floor, "loadplanJoined", booksAuthor::loadplanJoined,
                    "loadplanSelectIn", booksAuthor::loadplanSelectIn, "loadplanSubquery",
                    booksAuthor::loadplanSubquery, "hibernate", db -> booksAuthor.hibernate(db, hibernate), "jooq", db -> booksAuthor.jooq(db, jooq)));
            BooksTags booksTags = new BooksTags();
            agree("books -> tags", state, object -> Agreement.books((List<?>) object, true), Map.of(
                    "floor", booksTags::floor, "loadplanJoined", booksTags::loadplanJoined,
                    "loadplanSelectIn", booksTags::loadplanSelectIn, "loadplanSubquery", booksTags::loadplanSubquery,
                    "loadplanLazy", booksTags::loadplanLazy, "hibernate", db -> booksTags.hibernate(db, hibernate),
                    "jooq", db -> booksTags.jooq(db, jooq)));
        } finally {
            hibernate.close();
            state.close();
        }
    }

    private static void agree(String scenario, BenchState state, ToLongFunction<Object> count,
            Map<String, Function<BenchState, ?>> contenders) {
        long floor = count.applyAsLong(contenders.get("floor").apply(state));
        for (Map.Entry<String, Function<BenchState, ?>> contender : contenders.entrySet()) {
            long objects = count.applyAsLong(contender.getValue().apply(state));
            if (objects != floor) {
                throw new IllegalStateException(scenario + ": " + contender.getKey() + " loads " + objects
                        + " objects, the floor " + floor);
            }
        }
        System.out.println("agreed: " + scenario + ", " + floor + " objects, " + contenders.size() + " contenders");
    }
}
