package dev.loadplan.bench;

import dev.loadplan.bench.model.JdbcFloor;
import dev.loadplan.bench.scenarios.Loads;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a load costs in round trips, and so in time, as the network's latency grows (issue 26): {@code findById} of
 * an author with its books and their reviews, and a page of 20 authors with theirs, by every loadplan strategy that
 * loads them eagerly, beside the hand-written one-statement floor, the same three statements hand-written, Hibernate
 * and jOOQ. Every connection goes through one {@link LatencyProxy}, which holds each chunk for the one-way delay and
 * counts the client's turns to speak: the round trips each load makes on the wire, whatever the driver was asked.
 *
 * <p>Contenders take turns one load at a time, the order reversed every other round, so a host whose speed drifts
 * moves every contender alike; each load's time is compared with the floor's of the same round, and the median of
 * those ratios reported. Round trips are counted around each load, after warm-up, on a pool whose connections are
 * open already, so neither connecting nor the pool's liveness checks count.
 */
final class RoundTripLatency {

    /** One-way delays, in microseconds: a fast data-centre network, a slower one, one between regions' zones. */
    private static final long[] DELAYS = {250, 1_000, 5_000};
    /** Measured rounds at each delay: fewer where a round trip costs 10 ms, the whole mode a minute or two. */
    private static final int[] ROUNDS = {301, 201, 61};
    /** Warm-up rounds with no delay, for the JIT, then a few at each delay, for the pool and the proxy's threads. */
    private static final int JIT_ROUNDS = 300;
    private static final int WARM_UP_ROUNDS = 5;

    /** A contender: how the report names it, and one load. */
    private record Contender(String name, Function<BenchState, ?> load) {
    }

    /** One load by every contender, the first the floor the others are compared with. */
    private record Load(String title, List<Contender> contenders) {
    }

    /** What one contender measured at one delay: round trips and milliseconds of each round, ratios to the floor's. */
    private record Measured(double[] roundTrips, double[] millis, double[] ratios) {
    }

    private final BenchState state;
    private final LatencyProxy proxy;

    private RoundTripLatency(BenchState state, LatencyProxy proxy) {
        this.state = state;
        this.proxy = proxy;
    }

    static String run(Database database) throws Exception {
        // A borrow from a pool idle over half a second checks the connection first, a round trip of the pool's rather
        // than the load's; the loads here follow each other closely, and this keeps a slow one from adding it.
        System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "600000");
        URI address = URI.create(database.url.substring("jdbc:".length()));
        try (LatencyProxy proxy = new LatencyProxy(address.getHost(), address.getPort(), 0)) {
            BenchState state = Benchmarks.openOutsideJmh(proxy.through(database.url), database);
            BenchState.Hibernate hibernate = new BenchState.Hibernate();
            BenchState.Jooq jooq = new BenchState.Jooq();
            try {
                hibernate.open(state);
                jooq.open(state);
                List<Load> loads = List.of(findById(hibernate, jooq), page(hibernate, jooq));
                for (Load load : loads) {
                    agree(load, state);
                }
                return new RoundTripLatency(state, proxy).report(loads);
            } finally {
                hibernate.close();
                state.close();
            }
        }
    }

    private static Load findById(BenchState.Hibernate hibernate, BenchState.Jooq jooq) {
        return new Load("findById: one author, its 10 books and their 50 reviews", List.of(
                new Contender("floor: one joined statement", state -> Loads.floor(() ->
                        JdbcFloor.authorsBooksReviewsJoined(state.dataSource, Loads.AUTHOR_BY_ID_JOINED,
                                state.middleAuthor()).get(0))),
                new Contender("hand-written 3 statements, autocommit", state -> Loads.floor(() ->
                        JdbcFloor.authorByIdAutocommit(state.dataSource, Loads.AUTHOR_BY_ID_SELECT_IN,
                                state.middleAuthor()))),
                new Contender("hand-written 3 statements, REPEATABLE READ", state -> Loads.floor(() ->
                        JdbcFloor.authorById(state.dataSource, Loads.AUTHOR_BY_ID_SELECT_IN, state.middleAuthor()))),
                new Contender("loadplan JOINED", state ->
                        Loads.BOOKS_REVIEWS_JOINED.findById(state.jdbi, state.middleAuthor()).orElseThrow()),
                new Contender("loadplan NESTED", state ->
                        Loads.BOOKS_REVIEWS_NESTED.findById(state.jdbi, state.middleAuthor()).orElseThrow()),
                new Contender("loadplan SELECT_IN", state ->
                        Loads.BOOKS_REVIEWS_SELECT_IN.findById(state.jdbi, state.middleAuthor()).orElseThrow()),
                new Contender("loadplan SUBQUERY", state ->
                        Loads.BOOKS_REVIEWS_SUBQUERY.findById(state.jdbi, state.middleAuthor()).orElseThrow()),
                new Contender("Hibernate join fetch + subselect", state ->
                        hibernate.loads.authorById(state.middleAuthor())),
                new Contender("jOOQ MULTISET", state -> jooq.loads.authorById(state.middleAuthor()))));
    }

    /**
     * A page of 20 authors by key with their books and reviews. The hand-written floors run loadplan's joined and
     * select-in statements of the page, taken from the plans; loadplan's plans are built in the call, as a request
     * handler builds them.
     */
    private static Load page(BenchState.Hibernate hibernate, BenchState.Jooq jooq) {
        String joined = jdbc(Loads.BOOKS_REVIEWS_JOINED.limit(Loads.PAGE).sql().get(0));
        JdbcFloor.Statements selectIn = JdbcFloor.Statements.selectIn(
                Loads.BOOKS_REVIEWS_SELECT_IN.limit(Loads.PAGE).sql().stream().map(RoundTripLatency::jdbc).toList());
        return new Load("a page of 20 authors with their books and reviews", List.of(
                new Contender("floor: one joined statement", state -> Loads.floor(() ->
                        JdbcFloor.authorPageBooksReviewsJoined(state.dataSource, joined, Loads.PAGE))),
                new Contender("hand-written 3 statements, autocommit", state -> Loads.floor(() ->
                        JdbcFloor.authorPageBooksReviews(state.dataSource, selectIn, Loads.PAGE, true))),
                new Contender("hand-written 3 statements, REPEATABLE READ", state -> Loads.floor(() ->
                        JdbcFloor.authorPageBooksReviews(state.dataSource, selectIn, Loads.PAGE, false))),
                new Contender("loadplan JOINED", state ->
                        Loads.BOOKS_REVIEWS_JOINED.limit(Loads.PAGE).list(state.jdbi)),
                new Contender("loadplan NESTED", state ->
                        Loads.BOOKS_REVIEWS_NESTED.limit(Loads.PAGE).list(state.jdbi)),
                new Contender("loadplan SELECT_IN", state ->
                        Loads.BOOKS_REVIEWS_SELECT_IN.limit(Loads.PAGE).list(state.jdbi)),
                new Contender("loadplan SUBQUERY", state ->
                        Loads.BOOKS_REVIEWS_SUBQUERY.limit(Loads.PAGE).list(state.jdbi)),
                new Contender("Hibernate join fetch + subselect", state ->
                        hibernate.loads.authorPageBooksReviews(Loads.PAGE)),
                new Contender("jOOQ MULTISET", state -> jooq.loads.authorPageBooksReviews(Loads.PAGE))));
    }

    /** A statement of loadplan with JDBC's {@code ?} for the named parameters of paging. */
    private static String jdbc(String sql) {
        return sql.replace(":lp_limit", "?").replace(":lp_offset", "?");
    }

    /** Fails when a contender loads another graph than the floor: ids of authors, books and reviews in graph order. */
    private static void agree(Load load, BenchState state) {
        Agreement.Graph floor = Agreement.authors(load.contenders().get(0).load().apply(state), 2);
        for (Contender contender : load.contenders()) {
            Agreement.Graph graph = Agreement.authors(contender.load().apply(state), 2);
            if (!graph.equals(floor)) {
                throw new IllegalStateException(load.title() + ": " + contender.name() + " loads " + graph
                        + ", the floor " + floor);
            }
        }
        System.out.println("agreed: " + load.title() + ", " + floor.objects() + " objects, "
                + load.contenders().size() + " contenders");
    }

    private String report(List<Load> loads) {
        proxy.delay(0);
        for (Load load : loads) {
            System.out.println("warming up: " + load.title());
            rounds(load, JIT_ROUNDS);
        }
        Measured[][][] measured = new Measured[loads.size()][DELAYS.length][];
        for (int delay = 0; delay < DELAYS.length; delay++) {
            proxy.delay(DELAYS[delay]);
            for (int load = 0; load < loads.size(); load++) {
                System.out.println("round trips: " + loads.get(load).title() + where(DELAYS[delay]));
                rounds(loads.get(load), WARM_UP_ROUNDS);
                measured[load][delay] = rounds(loads.get(load), ROUNDS[delay]);
            }
        }
        StringBuilder out = new StringBuilder("# Round trips and latency\n\n")
                .append("Each load by every contender through a TCP proxy that holds each chunk of bytes for the "
                        + "one-way delay in each direction (a round trip costs twice it) and counts round trips on "
                        + "the wire: a round trip begins each time the client sends after the server has answered. "
                        + "Contenders take turns one load at a time, the order reversed every other round (")
                .append(JIT_ROUNDS).append(" rounds with no delay first, then at each delay ").append(WARM_UP_ROUNDS)
                .append(" warm-up rounds and the measured ones: ").append(describeRounds()).append("). `x floor` is "
                        + "the median of each round's ratio to the floor, the hand-written one joined statement; "
                        + "`ms` the median time of a load; `round trips` the median per load (with any loads that "
                        + "made another number). One HikariCP pool of open connections behind the proxy. Command: "
                        + "`mvn -B -ntp -pl benchmarks -am package -DskipTests -Pbench -Dbench.mode=latency`.\n\n");
        for (int load = 0; load < loads.size(); load++) {
            out.append(summary(loads.get(load), measured[load]));
        }
        out.append("## Quartiles of the ratios\n\n");
        for (int load = 0; load < loads.size(); load++) {
            out.append(quartiles(loads.get(load), measured[load]));
        }
        return out.toString();
    }

    /**
     * Runs {@code rounds} rounds of {@code load}, each contender once a round: what each measured, the ratios to the
     * floor's load of the same round.
     */
    private Measured[] rounds(Load load, int rounds) {
        int contenders = load.contenders().size();
        double[][] roundTrips = new double[contenders][rounds];
        double[][] millis = new double[contenders][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int step = 0; step < contenders; step++) {
                int index = round % 2 == 0 ? step : contenders - 1 - step;
                Function<BenchState, ?> call = load.contenders().get(index).load();
                long turnsBefore = proxy.turns();
                long start = System.nanoTime();
                call.apply(state);
                millis[index][round] = (System.nanoTime() - start) / 1e6;
                roundTrips[index][round] = proxy.turns() - turnsBefore;
            }
        }
        Measured[] measured = new Measured[contenders];
        for (int index = 0; index < contenders; index++) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = millis[index][round] / millis[0][round];
            }
            measured[index] = new Measured(roundTrips[index], millis[index], ratios);
        }
        return measured;
    }

    /** One row per contender: round trips, and time and ratio at each delay. */
    private static String summary(Load load, Measured[][] byDelay) {
        StringBuilder out = new StringBuilder("## ").append(load.title()).append("\n\n| contender | round trips |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (long delay : DELAYS) {
            String each = String.format(Locale.ROOT, "%s ms", millis(delay));
            out.append(" ms, ").append(each).append(" | x floor, ").append(each).append(" |");
            rule.append("---:|---:|");
        }
        out.append('\n').append(rule).append('\n');
        for (int index = 0; index < load.contenders().size(); index++) {
            out.append("| ").append(load.contenders().get(index).name()).append(" | ")
                    .append(roundTrips(byDelay, index)).append(" |");
            for (Measured[] atDelay : byDelay) {
                out.append(String.format(Locale.ROOT, " %.2f | %.2f |", median(atDelay[index].millis()),
                        median(atDelay[index].ratios())));
            }
            out.append('\n');
        }
        return out.append('\n').toString();
    }

    /**
     * The round trips of one contender: the median per load, one figure when every delay agrees, else each delay's;
     * then any loads that made another number, which a pool's or a driver's occasional work on the same wire can
     * cause, so a reader sees them rather than an average that hides them.
     */
    private static String roundTrips(Measured[][] byDelay, int index) {
        List<String> medians = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int delay = 0; delay < byDelay.length; delay++) {
            double[] counts = byDelay[delay][index].roundTrips();
            double median = median(counts);
            medians.add(String.format(Locale.ROOT, "%.0f", median));
            long differing = Arrays.stream(counts).filter(count -> count != median).count();
            if (differing > 0) {
                others.add(String.format(Locale.ROOT, "%d of %d loads %.0f-%.0f at %s ms", differing, counts.length,
                        RoundRobin.quantile(counts, 0), RoundRobin.quantile(counts, 1), millis(DELAYS[delay])));
            }
        }
        String median = medians.stream().distinct().count() == 1 ? medians.get(0) : String.join(" / ", medians);
        return others.isEmpty() ? median : median + " (" + String.join("; ", others) + ")";
    }

    private static String quartiles(Load load, Measured[][] byDelay) {
        StringBuilder out = new StringBuilder("### ").append(load.title()).append("\n\n| contender |");
        StringBuilder rule = new StringBuilder("|---|");
        for (long delay : DELAYS) {
            out.append(' ').append(millis(delay)).append(" ms each way |");
            rule.append("---|");
        }
        out.append('\n').append(rule).append('\n');
        for (int index = 1; index < load.contenders().size(); index++) {
            out.append("| ").append(load.contenders().get(index).name()).append(" |");
            for (Measured[] atDelay : byDelay) {
                double[] ratios = atDelay[index].ratios();
                out.append(String.format(Locale.ROOT, " %.2f-%.2f |", RoundRobin.quantile(ratios, 0.25),
                        RoundRobin.quantile(ratios, 0.75)));
            }
            out.append('\n');
        }
        return out.append('\n').toString();
    }

    private static String describeRounds() {
        List<String> each = new ArrayList<>();
        for (int delay = 0; delay < DELAYS.length; delay++) {
            each.add(ROUNDS[delay] + " at " + millis(DELAYS[delay]) + " ms");
        }
        return String.join(", ", each);
    }

    private static String where(long delayMicros) {
        return ", " + millis(delayMicros) + " ms each way";
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, micros % 1000 == 0 ? "%.0f" : "%.2f", micros / 1000.0);
    }

    private static double median(double[] values) {
        return RoundRobin.quantile(values, 0.5);
    }
}
