package dev.loadplan.bench;

import dev.loadplan.bench.scenarios.AuthorsBooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Consumer;
import dev.loadplan.bench.model.AuthorCardLoader;
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
 *   <li>{@code rounds}: the round-robin run alone ({@link RoundRobin}), which the full mode runs after JMH.
 *   <li>{@code topn}: which SQL a link limited per parent runs best in ({@link TopNForms}).
 *   <li>{@code nestedforms}: which SQL a one-statement nested strategy should run ({@link NestedForms}), measured
 *       before it was built.
 *   <li>{@code nested}: the NESTED strategy beside select-in and joined as the network's latency grows
 *       ({@link NestedLatency}).
 *   <li>{@code latency}: round trips and time per load of every strategy, the floor, Hibernate and jOOQ, at 0.25, 1
 *       and 5 ms each way ({@link RoundTripLatency}).
 * </ul>
 * Further arguments are JMH's own command line: include patterns ({@code AuthorById}) and any settings that
 * override the mode's ({@code -f 1 -wi 5 -w 2s}).
 */
public final class Benchmarks {

    /** Measured rounds of the round-robin run, and each contender's time in a round. */
    private static final int ROUNDS = 21;
    private static final long ROUND_MILLIS = 500;

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
            if (mode.equals("topn") || mode.equals("nestedforms") || mode.equals("nested")
                    || mode.equals("latency")) {
                report.append(Report.machine(database.describe(), mode, "")).append(switch (mode) {
                    case "topn" -> TopNForms.run(database);
                    case "nestedforms" -> NestedForms.run(database);
                    case "latency" -> RoundTripLatency.run(database);
                    default -> NestedLatency.run(database);
                });
                Path file = Path.of("target", "RESULTS-" + mode + ".md");
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, report.toString());
                System.out.println(report);
                return;
            }
            if (!mode.equals("scale")) {
                outsideJmh(database, (state, hibernate, jooq) -> {
                    checkStatements(state);
                    for (Scenarios.Scenario scenario : Scenarios.all(hibernate, jooq)) {
                        agree(scenario, state);
                    }
                });
            }
            if (!mode.equals("scale") && !mode.equals("rounds")) {
                Collection<RunResult> results = new Runner(options(mode, database, jmh).build()).run();
                report.append(Report.jmh(results, mode, database.describe(), String.join(" ", jmhArguments)));
            }
            if (mode.equals("full") || mode.equals("rounds")) {
                if (mode.equals("rounds")) {
                    report.append(Report.machine(database.describe(), mode, ""));
                }
                // -Dbench.scenarios=AuthorById,AuthorPage runs those alone (JMH takes its own filter in bench.args).
                List<String> only = List.of(System.getProperty("bench.scenarios", "").split(",")).stream()
                        .map(String::trim).filter(name -> !name.isEmpty()).toList();
                outsideJmh(database, (state, hibernate, jooq) -> report.append(RoundRobin.run(state,
                        Scenarios.all(hibernate, jooq).stream()
                                .filter(scenario -> only.isEmpty() || only.contains(scenario.name())).toList(),
                        ROUNDS, ROUND_MILLIS)));
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

    /** Work on the benchmarks' state, outside JMH. */
    private interface Work {
        void run(BenchState state, BenchState.Hibernate hibernate, BenchState.Jooq jooq) throws Exception;
    }

    /** Opens the benchmarks' state at the default sizes on {@code database}, as JMH would, runs {@code work}. */
    private static void outsideJmh(Database database, Work work) throws Exception {
        BenchState state = openOutsideJmh(database.url, database);
        BenchState.Hibernate hibernate = new BenchState.Hibernate();
        hibernate.open(state);
        BenchState.Jooq jooq = new BenchState.Jooq();
        jooq.open(state);
        try {
            work.run(state, hibernate, jooq);
        } finally {
            hibernate.close();
            state.close();
        }
    }

    /**
     * A state of the benchmarks' default sizes (JMH's {@code @Param}s), open on {@code url} as {@code database}'s user:
     * its own URL, or a proxy's in front of it.
     */
    static BenchState openOutsideJmh(String url, Database database) throws java.sql.SQLException {
        BenchState state = new BenchState();
        state.authors = 1000;
        state.booksPerAuthor = 10;
        state.reviewsPerBook = 5;
        state.tags = 200;
        state.tagsPerBook = 3;
        System.setProperty("loadplan.bench.url", url);
        System.setProperty("loadplan.bench.user", database.user == null ? "" : database.user);
        System.setProperty("loadplan.bench.password", database.password == null ? "" : database.password);
        state.open();
        return state;
    }

    /** Fails when a contender of {@code scenario} loads another graph than its floor. */
    static void agree(Scenarios.Scenario scenario, BenchState state) {
        Agreement.Graph floor = scenario.summary().apply(scenario.contenders().get("floor").apply(state));
        for (Map.Entry<String, Function<BenchState, ?>> contender : scenario.contenders().entrySet()) {
            Agreement.Graph graph = scenario.summary().apply(contender.getValue().apply(state));
            if (!graph.equals(floor)) {
                throw new IllegalStateException(scenario.title() + ": " + contender.getKey() + " loads " + graph
                        + ", the floor " + floor);
            }
        }
        System.out.println("agreed: " + scenario.title() + ", " + floor.objects() + " objects, "
                + scenario.contenders().size() + " contenders");
    }

    /**
     * Checks that the floor's hand-written statements of {@code findById}, of a page and of the list page's view are
     * those loadplan runs, as the driver gets them (the other floors use the generated loaders' constants, which a
     * test checks).
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
        same("the list page's view, select-in", state, jdbi -> AuthorCardLoader.withBooksSelectIn().list(jdbi),
                List.of(AuthorCardLoader.PLAIN, AuthorCardLoader.BOOKS_SELECT_IN));
        same("the list page's view, joined", state, jdbi -> AuthorCardLoader.withBooksJoined().list(jdbi),
                List.of(AuthorCardLoader.BOOKS_JOINED));
    }

    private static void same(String load, BenchState state, Consumer<Jdbi> run, List<String> floor) {
        List<String> ran = new ArrayList<>();
        run.accept(Jdbi.create(PreparedStatements.noting(state.dataSource, ran)));
        if (!ran.equals(floor)) {
            throw new IllegalStateException(load + ": loadplan runs " + ran + ", the floor " + floor);
        }
    }
}
