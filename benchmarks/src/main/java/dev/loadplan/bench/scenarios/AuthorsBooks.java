package dev.loadplan.bench.scenarios;

import dev.loadplan.bench.BenchState;
import dev.loadplan.bench.hibernate.HAuthor;
import dev.loadplan.bench.jooq.JooqLoads;
import dev.loadplan.bench.model.Author;
import dev.loadplan.bench.model.AuthorLoader;
import dev.loadplan.bench.model.JdbcFloor;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/** Every author with its books: one-to-many. */
public class AuthorsBooks {

    @Benchmark
    public List<Author> floor(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorsBooks(state.dataSource, Loads.AUTHORS_BOOKS_SELECT_IN));
    }

    @Benchmark
    public List<Author> floorSubquery(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorsBooks(state.dataSource, Loads.AUTHORS_BOOKS_SUBQUERY));
    }

    @Benchmark
    public List<Author> floorJoined(BenchState state) {
        return Loads.floor(() -> JdbcFloor.authorsBooksJoined(state.dataSource));
    }

    @Benchmark
    public List<Author> loadplanJoined(BenchState state) {
        return AuthorLoader.withBooksJoined().list(state.jdbi);
    }

    @Benchmark
    public List<Author> loadplanSelectIn(BenchState state) {
        return AuthorLoader.withBooksSelectIn().list(state.jdbi);
    }

    @Benchmark
    public List<Author> loadplanSubquery(BenchState state) {
        return AuthorLoader.withBooksSubquery().list(state.jdbi);
    }

    @Benchmark
    public List<Author> loadplanLazy(BenchState state) {
        return Loads.lazily(state, AuthorLoader.withBooksLazy(), Loads::readBooks);
    }

    @Benchmark
    public List<HAuthor> hibernate(BenchState state, BenchState.Hibernate hibernate) {
        return hibernate.loads.authorsBooks();
    }

    @Benchmark
    public List<JooqLoads.JAuthor> jooq(BenchState state, BenchState.Jooq jooq) {
        return jooq.loads.authorsBooks();
    }
}
