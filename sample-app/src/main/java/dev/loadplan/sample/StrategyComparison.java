package dev.loadplan.sample;

import dev.loadplan.LoaderPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads the same graph once per strategy and measures each load: the statements it ran, the entities it
 * returned and loaded below them, and whether its graph equals the JOINED one. The Zen of eager loading says
 * it must: strategies differ only in how many statements they run.
 */
final class StrategyComparison {

    /** One line of the report. {@code sameAsJoined} is null for the JOINED plan itself. */
    record Row(String plan, int statements, int roots, int children, Boolean sameAsJoined) {
    }

    private final Jdbi jdbi;
    private final StatementCounter counter;

    StrategyComparison(Jdbi jdbi, StatementCounter counter) {
        this.jdbi = jdbi;
        this.counter = counter;
    }

    /** Authors with their books (one-to-many). */
    List<Row> authors() {
        Map<String, LoaderPlan<Author, ?>> plans = new LinkedHashMap<>();
        plans.put("AuthorLoader.withBooksJoined()", AuthorLoader.withBooksJoined());
        plans.put("AuthorLoader.withBooksSelectIn()", AuthorLoader.withBooksSelectIn());
        plans.put("AuthorLoader.withBooksSubquery()", AuthorLoader.withBooksSubquery());
        return compare(plans, Graphs::authorsWithBooks, Graphs::bookCount);
    }

    /** Books with their author (many-to-one). */
    List<Row> books() {
        Map<String, LoaderPlan<Book, ?>> plans = new LinkedHashMap<>();
        plans.put("BookLoader.withAuthorJoined()", BookLoader.withAuthorJoined());
        plans.put("BookLoader.withAuthorSelectIn()", BookLoader.withAuthorSelectIn());
        plans.put("BookLoader.withAuthorSubquery()", BookLoader.withAuthorSubquery());
        return compare(plans, Graphs::booksWithAuthor, Graphs::distinctAuthors);
    }

    /** Runs each plan once; the first one is the JOINED plan that the others are compared with. */
    private <E> List<Row> compare(Map<String, LoaderPlan<E, ?>> plans, Function<List<E>, Object> values,
            ToIntFunction<List<E>> children) {
        List<Row> rows = new ArrayList<>();
        Object joined = null;
        for (Map.Entry<String, LoaderPlan<E, ?>> entry : plans.entrySet()) {
            int before = counter.count();
            List<E> loaded = entry.getValue().list(jdbi); // on a handle of its own, in one transaction
            int statements = counter.count() - before;

            Object graph = values.apply(loaded);
            Boolean same = joined == null ? null : graph.equals(joined);
            if (joined == null) {
                joined = graph;
            }
            rows.add(new Row(entry.getKey(), statements, loaded.size(), children.applyAsInt(loaded), same));
        }
        return rows;
    }
}
