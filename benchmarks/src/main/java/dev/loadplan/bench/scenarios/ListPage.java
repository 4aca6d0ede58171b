package dev.loadplan.bench.scenarios;

import dev.loadplan.bench.BenchState;
import dev.loadplan.bench.model.AuthorCard;
import dev.loadplan.bench.model.AuthorCardClass;
import dev.loadplan.bench.model.AuthorCardClassLoader;
import dev.loadplan.bench.model.AuthorCardLoader;
import dev.loadplan.bench.model.ListPageFloor;
import dev.loadplan.bench.model.WideAuthor;
import dev.loadplan.bench.model.WideAuthorLoader;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Issue 24's list page: every author's name with the titles of their books, on rows that each carry 2 KB of text
 * the page does not show. Through the view {@link AuthorCard}, a record, which selects only what the page shows; the
 * same view as a class, {@link AuthorCardClass}; the entities, which select every column; and the floor,
 * hand-written JDBC selecting the view's columns into the view's records.
 */
public class ListPage {

    @Benchmark
    public List<AuthorCard> floor(BenchState state) {
        return Loads.floor(() -> ListPageFloor.selectIn(state.dataSource));
    }

    @Benchmark
    public List<AuthorCard> floorJoined(BenchState state) {
        return Loads.floor(() -> ListPageFloor.joined(state.dataSource));
    }

    @Benchmark
    public List<AuthorCard> loadplanViewJoined(BenchState state) {
        return AuthorCardLoader.withBooksJoined().list(state.jdbi);
    }

    @Benchmark
    public List<AuthorCard> loadplanViewSelectIn(BenchState state) {
        return AuthorCardLoader.withBooksSelectIn().list(state.jdbi);
    }

    /** The same view as a class: what the record costs, beside the view's columns. */
    @Benchmark
    public List<AuthorCardClass> loadplanClassViewJoined(BenchState state) {
        return AuthorCardClassLoader.withBooksJoined().list(state.jdbi);
    }

    @Benchmark
    public List<AuthorCardClass> loadplanClassViewSelectIn(BenchState state) {
        return AuthorCardClassLoader.withBooksSelectIn().list(state.jdbi);
    }

    @Benchmark
    public List<WideAuthor> loadplanEntityJoined(BenchState state) {
        return WideAuthorLoader.withBooksJoined().list(state.jdbi);
    }

    @Benchmark
    public List<WideAuthor> loadplanEntitySelectIn(BenchState state) {
        return WideAuthorLoader.withBooksSelectIn().list(state.jdbi);
    }
}
