package dev.loadplan.bench.scenarios;

import dev.loadplan.bench.BenchState;
import dev.loadplan.bench.hibernate.HAuthor;
import dev.loadplan.bench.jooq.JooqLoads;
import dev.loadplan.bench.model.Author;
import dev.loadplan.bench.model.JdbcFloor;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/** Every author with its books and their reviews: two levels of one-to-many. */
public class AuthorsBooksReviews {

    @Benchmark
    public List<Author> floor(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorsBooksReviews(state.dataSource, Loads.BOOKS_REVIEWS_SELECT_IN_SQL));
    }

    @Benchmark
    public List<Author> floorSubquery(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorsBooksReviews(state.dataSource, Loads.BOOKS_REVIEWS_SUBQUERY_SQL));
    }

    @Benchmark
    public List<Author> floorJoined(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorsBooksReviewsJoined(state.dataSource,
                Loads.BOOKS_REVIEWS_JOINED_SQL, null));
    }

    @Benchmark
    public List<Author> loadplanJoined(BenchState state) {
        return Loads.BOOKS_REVIEWS_JOINED.list(state.jdbi);
    }

    @Benchmark
    public List<Author> loadplanNested(BenchState state) {
        return Loads.BOOKS_REVIEWS_NESTED.list(state.jdbi);
    }

    @Benchmark
    public List<Author> loadplanSelectIn(BenchState state) {
        return Loads.BOOKS_REVIEWS_SELECT_IN.list(state.jdbi);
    }

    @Benchmark
    public List<Author> loadplanSubquery(BenchState state) {
        return Loads.BOOKS_REVIEWS_SUBQUERY.list(state.jdbi);
    }

    @Benchmark
    public List<Author> loadplanLazy(BenchState state) {
        return Loads.lazily(state, Loads.BOOKS_REVIEWS_LAZY, Loads::readBooksAndReviews);
    }

    @Benchmark
    public List<HAuthor> hibernate(BenchState state, BenchState.Hibernate hibernate) {
        return hibernate.loads.authorsBooksReviews();
    }

    @Benchmark
    public List<JooqLoads.JAuthor> jooq(BenchState state, BenchState.Jooq jooq) {
        return jooq.loads.authorsBooksReviews();
    }
}
