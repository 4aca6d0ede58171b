package dev.loadplan.bench.scenarios;

import dev.loadplan.bench.BenchState;
import dev.loadplan.bench.hibernate.HAuthor;
import dev.loadplan.bench.jooq.JooqLoads;
import dev.loadplan.bench.model.Author;
import dev.loadplan.bench.model.JdbcFloor;
import org.openjdk.jmh.annotations.Benchmark;

/** One author by key with its books and their reviews: the small load of a web request, where fixed costs count. */
public class AuthorById {

    @Benchmark
    public Author floor(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorById(state.dataSource, Loads.AUTHOR_BY_ID_SELECT_IN,
                state.middleAuthor()));
    }

    @Benchmark
    public Author floorSubquery(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorById(state.dataSource, Loads.AUTHOR_BY_ID_SUBQUERY,
                state.middleAuthor()));
    }

    @Benchmark
    public Author floorJoined(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorsBooksReviewsJoined(state.dataSource, Loads.AUTHOR_BY_ID_JOINED,
                state.middleAuthor()).get(0));
    }

    @Benchmark
    public Author loadplanJoined(BenchState state) {
        return Loads.BOOKS_REVIEWS_JOINED.findById(state.jdbi, state.middleAuthor()).orElseThrow();
    }

    @Benchmark
    public Author loadplanNested(BenchState state) {
        return Loads.BOOKS_REVIEWS_NESTED.findById(state.jdbi, state.middleAuthor()).orElseThrow();
    }

    @Benchmark
    public Author loadplanSelectIn(BenchState state) {
        return Loads.BOOKS_REVIEWS_SELECT_IN.findById(state.jdbi, state.middleAuthor()).orElseThrow();
    }

    @Benchmark
    public Author loadplanSubquery(BenchState state) {
        return Loads.BOOKS_REVIEWS_SUBQUERY.findById(state.jdbi, state.middleAuthor()).orElseThrow();
    }

    /** Select-in with a {@code SqlLogger}, a statement context listener and a plan listener installed. */
    @Benchmark
    public Author loadplanObservedSelectIn(BenchState state) {
        return Loads.BOOKS_REVIEWS_SELECT_IN.findById(state.observedJdbi, state.middleAuthor()).orElseThrow();
    }

    /** Joined with the same listeners: named to end in Joined, so compared with the joined floor. */
    @Benchmark
    public Author loadplanObservedJoined(BenchState state) {
        return Loads.BOOKS_REVIEWS_JOINED.findById(state.observedJdbi, state.middleAuthor()).orElseThrow();
    }

    @Benchmark
    public HAuthor hibernate(BenchState state, BenchState.Hibernate hibernate) {
        return hibernate.loads.authorById(state.middleAuthor());
    }

    @Benchmark
    public JooqLoads.JAuthor jooq(BenchState state, BenchState.Jooq jooq) {
        return jooq.loads.authorById(state.middleAuthor());
    }
}
