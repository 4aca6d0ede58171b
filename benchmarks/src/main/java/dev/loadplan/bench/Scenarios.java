package dev.loadplan.bench;

import dev.loadplan.bench.scenarios.AuthorById;
import dev.loadplan.bench.scenarios.AuthorPage;
import dev.loadplan.bench.scenarios.AuthorsBooks;
import dev.loadplan.bench.scenarios.AuthorsBooksReviews;
import dev.loadplan.bench.scenarios.BooksAuthor;
import dev.loadplan.bench.scenarios.BooksTags;
import dev.loadplan.bench.scenarios.ListPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every scenario with its contenders as plain calls, outside JMH: for the check that all load the same graph and for
 * the round-robin run. The JMH benchmarks are the same methods.
 */
final class Scenarios {

    /** Each scenario's JMH class, in report order, to what the reader sees. */
    static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("AuthorsBooks", "authors -> books (one-to-many)");
        TITLES.put("BooksAuthor", "books -> author (many-to-one)");
        TITLES.put("AuthorsBooksReviews", "authors -> books -> reviews");
        TITLES.put("BooksTags", "books -> tags (many-to-many)");
        TITLES.put("AuthorPage", "a page of 20 authors with their books");
        TITLES.put("AuthorById", "findById: one author, its books and their reviews");
        TITLES.put("ListPage", "a list page: 1,000 authors with their book titles, 2 KB unshown per row");
    }

    /** A scenario: its JMH class, how its graphs are compared, and its contenders by name, in report order. */
    record Scenario(String name, Function<Object, Agreement.Graph> summary,
            Map<String, Function<BenchState, ?>> contenders) {

        String title() {
            return TITLES.get(name);
        }
    }

    private Scenarios() {
    }

    static List<Scenario> all(BenchState.Hibernate hibernate, BenchState.Jooq jooq) {
        AuthorsBooks authorsBooks = new AuthorsBooks();
        Map<String, Function<BenchState, ?>> ab = new LinkedHashMap<>();
        ab.put("floor", authorsBooks::floor);
        ab.put("floorJoined", authorsBooks::floorJoined);
        ab.put("floorSubquery", authorsBooks::floorSubquery);
        ab.put("loadplanJoined", authorsBooks::loadplanJoined);
        ab.put("loadplanSelectIn", authorsBooks::loadplanSelectIn);
        ab.put("loadplanSubquery", authorsBooks::loadplanSubquery);
        ab.put("loadplanLazy", authorsBooks::loadplanLazy);
        ab.put("hibernate", state -> authorsBooks.hibernate(state, hibernate));
        ab.put("jooq", state -> authorsBooks.jooq(state, jooq));

        BooksAuthor booksAuthor = new BooksAuthor();
        Map<String, Function<BenchState, ?>> ba = new LinkedHashMap<>();
        ba.put("floor", booksAuthor::floor);
        ba.put("floorJoined", booksAuthor::floorJoined);
        ba.put("floorSubquery", booksAuthor::floorSubquery);
        ba.put("loadplanJoined", booksAuthor::loadplanJoined);
        ba.put("loadplanSelectIn", booksAuthor::loadplanSelectIn);
        ba.put("loadplanSubquery", booksAuthor::loadplanSubquery);
        ba.put("hibernate", state -> booksAuthor.hibernate(state, hibernate));
        ba.put("jooq", state -> booksAuthor.jooq(state, jooq));

        AuthorsBooksReviews reviews = new AuthorsBooksReviews();
        Map<String, Function<BenchState, ?>> abr = new LinkedHashMap<>();
        abr.put("floor", reviews::floor);
        abr.put("floorJoined", reviews::floorJoined);
        abr.put("floorSubquery", reviews::floorSubquery);
        abr.put("loadplanJoined", reviews::loadplanJoined);
        abr.put("loadplanNested", reviews::loadplanNested);
        abr.put("loadplanSelectIn", reviews::loadplanSelectIn);
        abr.put("loadplanSubquery", reviews::loadplanSubquery);
        abr.put("loadplanLazy", reviews::loadplanLazy);
        abr.put("hibernate", state -> reviews.hibernate(state, hibernate));
        abr.put("jooq", state -> reviews.jooq(state, jooq));

        BooksTags booksTags = new BooksTags();
        Map<String, Function<BenchState, ?>> bt = new LinkedHashMap<>();
        bt.put("floor", booksTags::floor);
        bt.put("floorJoined", booksTags::floorJoined);
        bt.put("floorSubquery", booksTags::floorSubquery);
        bt.put("loadplanJoined", booksTags::loadplanJoined);
        bt.put("loadplanSelectIn", booksTags::loadplanSelectIn);
        bt.put("loadplanSubquery", booksTags::loadplanSubquery);
        bt.put("loadplanLazy", booksTags::loadplanLazy);
        bt.put("hibernate", state -> booksTags.hibernate(state, hibernate));
        bt.put("jooq", state -> booksTags.jooq(state, jooq));

        AuthorPage page = new AuthorPage();
        Map<String, Function<BenchState, ?>> pg = new LinkedHashMap<>();
        pg.put("floor", page::floor);
        pg.put("floorJoined", page::floorJoined);
        pg.put("loadplanJoined", page::loadplanJoined);
        pg.put("loadplanSelectIn", page::loadplanSelectIn);
        pg.put("hibernate", state -> page.hibernate(state, hibernate));
        pg.put("jooq", state -> page.jooq(state, jooq));

        AuthorById byId = new AuthorById();
        Map<String, Function<BenchState, ?>> id = new LinkedHashMap<>();
        id.put("floor", byId::floor);
        id.put("floorJoined", byId::floorJoined);
        id.put("floorSubquery", byId::floorSubquery);
        id.put("loadplanJoined", byId::loadplanJoined);
        id.put("loadplanNested", byId::loadplanNested);
        id.put("loadplanSelectIn", byId::loadplanSelectIn);
        id.put("loadplanSubquery", byId::loadplanSubquery);
        id.put("loadplanObservedJoined", byId::loadplanObservedJoined);
        id.put("loadplanObservedSelectIn", byId::loadplanObservedSelectIn);
        id.put("hibernate", state -> byId.hibernate(state, hibernate));
        id.put("jooq", state -> byId.jooq(state, jooq));

        ListPage listPage = new ListPage();
        Map<String, Function<BenchState, ?>> lp = new LinkedHashMap<>();
        lp.put("floor", listPage::floor);
        lp.put("floorJoined", listPage::floorJoined);
        lp.put("loadplanViewJoined", listPage::loadplanViewJoined);
        lp.put("loadplanViewSelectIn", listPage::loadplanViewSelectIn);
        lp.put("loadplanClassViewJoined", listPage::loadplanClassViewJoined);
        lp.put("loadplanClassViewSelectIn", listPage::loadplanClassViewSelectIn);
        lp.put("loadplanEntityJoined", listPage::loadplanEntityJoined);
        lp.put("loadplanEntitySelectIn", listPage::loadplanEntitySelectIn);

        return List.of(
                new Scenario("AuthorsBooks", graph -> Agreement.authors(graph, 1), ab),
                new Scenario("BooksAuthor", graph -> Agreement.books((List<?>) graph, false), ba),
                new Scenario("AuthorsBooksReviews", graph -> Agreement.authors(graph, 2), abr),
                new Scenario("BooksTags", graph -> Agreement.books((List<?>) graph, true), bt),
                new Scenario("AuthorPage", graph -> Agreement.authors(graph, 1), pg),
                new Scenario("AuthorById", graph -> Agreement.authors(graph, 2), id),
                new Scenario("ListPage", graph -> Agreement.listPage((List<?>) graph), lp));
    }

    /**
     * The floor that runs the statements of {@code contender}: joined, subquery, or select-in (the floor). Nested
     * loading has no hand-written floor of its own (it would be a JSON reader): it is compared with select-in's.
     */
    static String floorOf(String contender, Set<String> contenders) {
        for (String strategy : List.of("Joined", "Subquery")) {
            if (contender.endsWith(strategy) && contenders.contains("floor" + strategy)) {
                return "floor" + strategy;
            }
        }
        return "floor";
    }
}
