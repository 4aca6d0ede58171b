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
import java.util.function.Consumer;
import dev.loadplan.bench.model.AuthorLoader;
import dev.loadplan.bench.model.BookLoader;
import dev.loadplan.bench.scenarios.Loads;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks: starts an embedded PostgreSQL (or uses {@code -Dloadplan.url}), checks that every
 * contender of every scenario loads the same graph, runs JMH with its gc profiler, and writes the results as
 * ratios to the floor. Modes:
 * <ul>
 *   <li>{@code quick}: one fork, short iterations, under 5 minutes on 2 cores; writes {@code target/RESULTS-quick.md}.
 *   <li>{@code full}: two forks of 5 warm-up and 10 measured iterations of a second, then the scale series;
 *       writes {@code RESULTS.md}.
 *   <li>{@code scale}: the scale series alone (authors -> books -> reviews, 10 to 100,000 authors).
 * </ul>
 * Further arguments are JMH's own command line: include patterns ({@code AuthorById}) and any settings that
 * override the mode's ({@code -f 1 -wi 5 -w 2s}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 || args[0].isBlank() ? "quick" : args[0];
        List<String> jmhArguments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            // Maven passes -Dbench.args as one argument, empty when unset.
            for (String argument : args[i].trim().split("\\s+")) {
                if (!argument.isEmpty()) {
                    jmhArguments.add(argument);
                }
            }
        }
        CommandLineOptions jmh = new CommandLineOptions(jmhArguments.toArray(String[]::new));
        try (Database database = Database.start()) {
            System.out.println("benchmarks on " + database.describe());
            StringBuilder report = new StringBuilder();
            if (!mode.equals("scale")) {
                checkAgreement(database);
                Collection<RunResult> results = new Runner(options(mode, database, jmh).build()).run();
                report.append(Report.jmh(results, mode, database.describe(), String.join(" ", jmhArguments)));
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

    /**
     * The mode's settings, under what {@code jmh} (JMH's own command line, from {@code -Dbench.args}) sets: its
     * include patterns, and any of forks, iterations and their times it gives.
     */
    private static ChainedOptionsBuilder options(String mode, Database database, CommandLineOptions jmh) {
        boolean full = mode.equals("full");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .parent(jmh)
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xmx2g", "-Dorg.jboss.logging.provider=slf4j",
                        "-Dloadplan.bench.url=" + database.url,
                        "-Dloadplan.bench.user=" + (database.user == null ? "" : database.user),
                        "-Dloadplan.bench.password=" + (database.password == null ? "" : database.password));
        if (!jmh.getForkCount().hasValue()) {
            options.forks(full ? 2 : 1);
        }
        if (!jmh.getWarmupIterations().hasValue()) {
            options.warmupIterations(full ? 5 : 2);
        }
        if (!jmh.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.milliseconds(full ? 1000 : 500));
        }
        if (!jmh.getMeasurementIterations().hasValue()) {
            options.measurementIterations(full ? 10 : 3);
        }
        if (!jmh.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.milliseconds(full ? 1000 : 500));
        }
        if (jmh.getIncludes().isEmpty()) {
            options.include(AuthorsBooks.class.getPackageName() + ".*");
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
            checkStatements(state);
            AuthorsBooks authorsBooks = new AuthorsBooks();
            agree("authors -> books", state, object -> Agreement.authors(object, 1), Map.of(
                    "floor", authorsBooks::floor, "floorJoined", authorsBooks::floorJoined,
                    "floorSubquery", authorsBooks::floorSubquery,
                    "loadplanJoined", authorsBooks::loadplanJoined, "loadplanSelectIn", authorsBooks::loadplanSelectIn,
                    "loadplanSubquery", authorsBooks::loadplanSubquery, "loadplanLazy", authorsBooks::loadplanLazy,
                    "hibernate", db -> authorsBooks.hibernate(db, hibernate), "jooq", db -> authorsBooks.jooq(db, jooq)));
            AuthorsBooksReviews reviews = new AuthorsBooksReviews();
            agree("authors -> books -> reviews", state, object -> Agreement.authors(object, 2), Map.of(
                    "floor", reviews::floor, "floorJoined", reviews::floorJoined,
                    "floorSubquery", reviews::floorSubquery, "loadplanJoined", reviews::loadplanJoined,
                    "loadplanSelectIn", reviews::loadplanSelectIn, "loadplanSubquery", reviews::loadplanSubquery,
                    "loadplanLazy", reviews::loadplanLazy, "hibernate", db -> reviews.hibernate(db, hibernate), "jooq", db -> reviews.jooq(db, jooq)));
            AuthorById byId = new AuthorById();
            agree("findById", state, object -> Agreement.authors(object, 2), Map.of(
                    "floor", byId::floor, "floorJoined", byId::floorJoined,
                    "floorSubquery", byId::floorSubquery, "loadplanJoined", byId::loadplanJoined,
                    "loadplanSelectIn", byId::loadplanSelectIn, "loadplanSubquery", byId::loadplanSubquery,
                    "hibernate", db -> byId.hibernate(db, hibernate), "jooq", db -> byId.jooq(db, jooq)));
            AuthorPage page = new AuthorPage();
            agree("a page of authors", state, object -> Agreement.authors(object, 1), Map.of(
                    "floor", page::floor, "floorJoined", page::floorJoined, "loadplanJoined", page::loadplanJoined,
                    "loadplanSelectIn", page::loadplanSelectIn, "hibernate", db -> page.hibernate(db, hibernate), "jooq", db -> page.jooq(db, jooq)));
            BooksAuthor booksAuthor = new BooksAuthor();
            agree("books -> author", state, object -> Agreement.books((List<?>) object, false), Map.of(
                    "floor", booksAuthor::floor, "floorJoined", booksAuthor::floorJoined,
                    "floorSubquery", booksAuthor::floorSubquery,
                    "loadplanJoined", booksAuthor::loadplanJoined,
                    "loadplanSelectIn", booksAuthor::loadplanSelectIn, "loadplanSubquery",
                    booksAuthor::loadplanSubquery, "hibernate", db -> booksAuthor.hibernate(db, hibernate), "jooq", db -> booksAuthor.jooq(db, jooq)));
            BooksTags booksTags = new BooksTags();
            agree("books -> tags", state, object -> Agreement.books((List<?>) object, true), Map.of(
                    "floor", booksTags::floor, "floorJoined", booksTags::floorJoined,
                    "floorSubquery", booksTags::floorSubquery,
                    "loadplanJoined", booksTags::loadplanJoined,
                    "loadplanSelectIn", booksTags::loadplanSelectIn, "loadplanSubquery", booksTags::loadplanSubquery,
                    "loadplanLazy", booksTags::loadplanLazy, "hibernate", db -> booksTags.hibernate(db, hibernate),
                    "jooq", db -> booksTags.jooq(db, jooq)));
        } finally {
            hibernate.close();
            state.close();
        }
    }

    private static void agree(String scenario, BenchState state, Function<Object, Agreement.Graph> summary,
            Map<String, Function<BenchState, ?>> contenders) {
        Agreement.Graph floor = summary.apply(contenders.get("floor").apply(state));
        for (Map.Entry<String, Function<BenchState, ?>> contender : contenders.entrySet()) {
            Agreement.Graph graph = summary.apply(contender.getValue().apply(state));
            if (!graph.equals(floor)) {
                throw new IllegalStateException(scenario + ": " + contender.getKey() + " loads " + graph
                        + ", the floor " + floor);
            }
        }
        System.out.println("agreed: " + scenario + ", " + floor.objects() + " objects, " + contenders.size()
                + " contenders");
    }

    /**
     * Checks that the floor's hand-written statements of {@code findById} and of a page are those loadplan runs,
     * as the driver gets them (the other floors use the generated loaders' constants, which a test checks).
     */
    private static void checkStatements(BenchState state) {
        same("findById, select-in", state, jdbi -> Loads.BOOKS_REVIEWS_SELECT_IN.findById(jdbi, 1L),
                Loads.AUTHOR_BY_ID_SELECT_IN.sql());
        same("findById, subquery", state, jdbi -> Loads.BOOKS_REVIEWS_SUBQUERY.findById(jdbi, 1L),
                Loads.AUTHOR_BY_ID_SUBQUERY.sql());
        same("findById, joined", state, jdbi -> Loads.BOOKS_REVIEWS_JOINED.findById(jdbi, 1L),
                List.of(Loads.AUTHOR_BY_ID_JOINED));
        same("a page, select-in", state, jdbi -> AuthorLoader.withBooksSelectIn().limit(Loads.PAGE).list(jdbi),
                List.of(Loads.PAGE_ROOT_SQL, AuthorLoader.BOOKS_SELECT_IN));
        same("a page, joined", state, jdbi -> AuthorLoader.withBooksJoined().limit(Loads.PAGE).list(jdbi),
                List.of(Loads.PAGE_JOINED_SQL));
    }

    private static void same(String load, BenchState state, Consumer<Jdbi> run, List<String> floor) {
        List<String> ran = new ArrayList<>();
        run.accept(Jdbi.create(PreparedStatements.noting(state.dataSource, ran)));
        if (!ran.equals(floor)) {
            throw new IllegalStateException(load + ": loadplan runs " + ran + ", the floor " + floor);
        }
    }
}
