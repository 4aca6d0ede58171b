package dev.loadplan.bench.scenarios;

import dev.loadplan.bench.BenchState;
import dev.loadplan.bench.hibernate.HBook;
import dev.loadplan.bench.jooq.JooqLoads;
import dev.loadplan.bench.model.Book;
import dev.loadplan.bench.model.BookLoader;
import dev.loadplan.bench.model.JdbcFloor;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Every book with its author: many-to-one, each author shared by its books. {@code Book.author} is a plain field,
 * which cannot load lazily: no LAZY contender.
 */
public class BooksAuthor {

    @Benchmark
    public List<Book> floor(BenchState state) {
        return Loads.floor(() -> JdbcFloor.booksAuthor(state.dataSource, Loads.BOOKS_AUTHOR_SELECT_IN));
    }

    @Benchmark
    public List<Book> floorSubquery(BenchState state) {
        return Loads.floor(() -> JdbcFloor.booksAuthor(state.dataSource, Loads.BOOKS_AUTHOR_SUBQUERY));
    }

    @Benchmark
    public List<Book> floorJoined(BenchState state) {
        return Loads.floor(() -> JdbcFloor.booksAuthorJoined(state.dataSource));
    }

    @Benchmark
    public List<Book> loadplanJoined(BenchState state) {
        return BookLoader.withAuthorJoined().list(state.jdbi);
    }

    @Benchmark
    public List<Book> loadplanSelectIn(BenchState state) {
        return BookLoader.withAuthorSelectIn().list(state.jdbi);
    }

    @Benchmark
    public List<Book> loadplanSubquery(BenchState state) {
        return BookLoader.withAuthorSubquery().list(state.jdbi);
    }

    @Benchmark
    public List<HBook> hibernate(BenchState state, BenchState.Hibernate hibernate) {
        return hibernate.loads.booksAuthor();
    }

    @Benchmark
    public List<JooqLoads.JBook> jooq(BenchState state, BenchState.Jooq jooq) {
        return jooq.loads.booksAuthor();
    }
}
