package dev.loadplan.bench.scenarios;

import dev.loadplan.bench.BenchState;
import dev.loadplan.bench.hibernate.HAuthor;
import dev.loadplan.bench.jooq.JooqLoads;
import dev.loadplan.bench.model.Author;
import dev.loadplan.bench.model.AuthorLoader;
import dev.loadplan.bench.model.JdbcFloor;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/** A page of 20 authors with their books, the plan built in the call, as a request handler builds it. */
public class AuthorPage {

    @Benchmark
    public List<Author> floor(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorPageSelectIn(state.dataSource, Loads.PAGE_ROOT_SQL, Loads.PAGE));
    }

    @Benchmark
    public List<Author> floorJoined(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorPage(state.dataSource, Loads.PAGE_JOINED_SQL, Loads.PAGE));
    }

    @Benchmark
    public List<Author> loadplanJoined(BenchState state) {
        return AuthorLoader.withBooksJoined().limit(Loads.PAGE).list(state.jdbi);
    }

    @Benchmark
    public List<Author> loadplanSelectIn(BenchState state) {
        return AuthorLoader.withBooksSelectIn().limit(Loads.PAGE).list(state.jdbi);
    }

    @Benchmark
    public List<HAuthor> hibernate(BenchState state, BenchState.Hibernate hibernate) {
        return hibernate.loads.authorPage(Loads.PAGE);
    }

    @Benchmark
    public List<JooqLoads.JAuthor> jooq(BenchState state, BenchState.Jooq jooq) {
        return jooq.loads.authorPage(Loads.PAGE);
    }
}
