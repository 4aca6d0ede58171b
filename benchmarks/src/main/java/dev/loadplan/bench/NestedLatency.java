package dev.loadplan.bench;

import dev.loadplan.bench.model.Author;
import dev.loadplan.bench.model.AuthorLoader;
import dev.loadplan.bench.model.Book;
import dev.loadplan.bench.model.BookLoader;
import dev.loadplan.bench.model.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The NESTED strategy beside select-in and joined on authors -> books -> reviews, where it is meant to pay: as the
 * network's latency grows. Each latency is a {@link LatencyProxy} between the pool and PostgreSQL (none for
 * loopback); the contenders take turns as in {@link RoundRobin}, the hand-written floors of select-in and joined
 * among them, every contender's graph checked against the floor's first.
 */
final class NestedLatency {

    /** One-way delays, in microseconds: loopback, a fast data-centre network, a slower one. */
    private static final long[] DELAYS = {0, 250, 1_000};
    private static final Set<String> CONTENDERS = Set.of("floor", "floorJoined", "loadplanSelectIn",
            "loadplanJoined", "loadplanNested");
    private static final int ROUNDS = 11;
    private static final String SIBLINGS = "NestedSiblings";
    private static final String SIBLINGS_BY_ID = "NestedSiblingsById";

    static {
        Scenarios.TITLES.put(SIBLINGS, "authors -> books -> reviews and tags (loadplan select-in as floor)");
        Scenarios.TITLES.put(SIBLINGS_BY_ID, "findById: one author -> books -> reviews and tags (loadplan "
                + "select-in as floor)");
    }
    private static final long ROUND_MILLIS = 400;

    private NestedLatency() {
    }

    static String run(Database database) throws Exception {
        StringBuilder out = new StringBuilder("# NESTED beside select-in and joined, by network latency\n\n")
                .append("authors -> books -> reviews (1,000 x 10 x 5: 61,000 objects) and findById of one author ("
                        + "61 objects), loaded by loadplan with select-in (3 statements), joined (1, a row per review) "
                        + "and nested (1, a row per author, books and reviews in a JSON column), beside the "
                        + "hand-written JDBC of select-in (`floor`) and joined (`floorJoined`). Nested has no "
                        + "hand-written floor: its ratio is to select-in's. Then books with two collections side by "
                        + "side, reviews and tags (3 per book), which joining multiplies (15 rows per book) and "
                        + "nesting does not, loadplan's select-in (4 statements) standing for the floor. Latency is "
                        + "added by a TCP proxy that holds "
                        + "each chunk of bytes for the one-way delay in each direction (a round trip costs twice it). ")
                .append(ROUNDS).append(" measured rounds of ").append(ROUND_MILLIS).append(" ms per contender, as "
                        + "in the round-robin run. Command: `mvn -B -ntp -pl benchmarks -am package -DskipTests "
                        + "-Pbench -Dbench.mode=nested`.\n\n");
        URI address = URI.create(database.url.substring("jdbc:".length()));
        for (long delay : DELAYS) {
            String where = delay == 0 ? ", loopback" : String.format(java.util.Locale.ROOT,
                    ", %.2f ms each way", delay / 1000.0);
            if (delay == 0) {
                out.append(measure(database.url, database, where));
            } else {
                try (LatencyProxy proxy = new LatencyProxy(address.getHost(), address.getPort(), delay)) {
                    out.append(measure(proxy.through(database.url), database, where));
                }
            }
        }
        return out.toString();
    }

    /**
     * Books with two collections side by side, their reviews and their tags, where joining multiplies rows (15 per
     * book) and nesting does not: every author ({@code byId} false) or one. No hand-written floor; loadplan's
     * select-in stands in for it, named {@code floor} so the ratios are to it.
     */
    private static Scenarios.Scenario siblings(boolean byId) {
        AuthorLoader.Plan selectIn = AuthorLoader.withBooksSelectIn(BookLoader.withReviewsSelectIn()
                .withTagsSelectIn());
        AuthorLoader.Plan joined = AuthorLoader.withBooksJoined(BookLoader.withReviewsJoined().withTagsJoined());
        AuthorLoader.Plan nested = AuthorLoader.withBooksNested(BookLoader.withReviewsNested().withTagsNested());
        Map<String, AuthorLoader.Plan> plans = new LinkedHashMap<>();
        plans.put("floor", selectIn);
        plans.put("loadplanJoined", joined);
        plans.put("loadplanNested", nested);
        Map<String, Function<BenchState, ?>> contenders = new LinkedHashMap<>();
        plans.forEach((name, plan) -> contenders.put(name, byId
                ? state -> plan.findById(state.jdbi, state.middleAuthor()).orElseThrow()
                : state -> plan.list(state.jdbi)));
        return new Scenarios.Scenario(byId ? SIBLINGS_BY_ID : SIBLINGS, NestedLatency::withTags, contenders);
    }

    /** Authors, their books, and each book's reviews and tags, as ids. */
    private static Agreement.Graph withTags(Object result) {
        Agreement.Graph graph = Agreement.authors(result, 2);
        for (Object author : result instanceof List<?> list ? list : List.of(result)) {
            for (Book book : ((Author) author).books()) {
                for (Tag tag : book.tags()) {
                    graph = graph.add(tag.id());
                }
            }
        }
        return graph;
    }

    private static String measure(String url, Database database, String where) throws Exception {
        BenchState state = Benchmarks.openOutsideJmh(url, database);
        try {
            List<Scenarios.Scenario> scenarios = new ArrayList<>();
            // Neither Hibernate nor jOOQ is among the contenders kept, so neither is set up.
            for (Scenarios.Scenario scenario : Scenarios.all(null, null)) {
                if (scenario.name().equals("AuthorsBooksReviews") || scenario.name().equals("AuthorById")) {
                    Map<String, Function<BenchState, ?>> kept = new LinkedHashMap<>();
                    scenario.contenders().forEach((name, call) -> {
                        if (CONTENDERS.contains(name)) {
                            kept.put(name, call);
                        }
                    });
                    Scenarios.Scenario only = new Scenarios.Scenario(scenario.name(), scenario.summary(), kept);
                    Benchmarks.agree(only, state);
                    scenarios.add(only);
                }
            }
            scenarios.add(siblings(false));
            scenarios.add(siblings(true));
            for (Scenarios.Scenario scenario : scenarios.subList(2, 4)) {
                Benchmarks.agree(scenario, state);
            }
            return RoundRobin.tables(state, scenarios, ROUNDS, ROUND_MILLIS, where);
        } finally {
            state.close();
        }
    }
}
