package dev.loadplan.bench.scenarios;

import dev.loadplan.bench.BenchState;
import dev.loadplan.bench.hibernate.HBook;
import dev.loadplan.bench.jooq.JooqLoads;
import dev.loadplan.bench.model.Book;
import dev.loadplan.bench.model.BookLoader;
import dev.loadplan.bench.model.JdbcFloor;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/** Every book with its tags: many-to-many through book_tag, each tag shared by many books. */
public class BooksTags {

    @Benchmark
    public List<Book> floor(BenchState state) {
        return Loads.floor(() -> JdbcFloor.booksTags(state.dataSource, Loads.BOOKS_TAGS_SELECT_IN));
    }

    @Benchmark
    public List<Book> floorSubquery(BenchState state) {
        return Loads.floor(() -> JdbcFloor.booksTags(state.dataSource, Loads.BOOKS_TAGS_SUBQUERY));
    }

    @Benchmark
    public List<Book> floorJoined(BenchState state) {
        return Loads.floor(() -> JdbcFloor.booksTagsJoined(state.dataSource));
    }

    @Benchmark
    public List<Book> loadplanJoined(BenchState state) {
        return BookLoader.withTagsJoined().list(state.jdbi);
    }

    @Benchmark
    public List<Book> loadplanSelectIn(BenchState state) {
        return BookLoader.withTagsSelectIn().list(state.jdbi);
    }

    @Benchmark
    public List<Book> loadplanSubquery(BenchState state) {
        return BookLoader.withTagsSubquery().list(state.jdbi);
    }

    @Benchmark
    public List<Book> loadplanLazy(BenchState state) {
        return state.jdbi.withHandle(handle -> {
            List<Book> books = BookLoader.withTagsLazy().list(handle);
            books.forEach(book -> book.tags().size());
            return books;
        });
    }

    @Benchmark
    public List<HBook> hibernate(BenchState state, BenchState.Hibernate hibernate) {
        return hibernate.loads.booksTags();
    }

    @Benchmark
    public List<JooqLoads.JBook> jooq(BenchState state, BenchState.Jooq jooq) {
        return jooq.loads.booksTags();
    }
}
