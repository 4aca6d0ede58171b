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
 * Loads the same graph once per loading strategy and measures each load: the statements it ran, the entities
 * it returned and loaded below them, and whether its graph equals the JOINED one. It must: strategies differ
 * only in how many statements they run, and when.
 */
final class StrategyComparison {

    /**
     * One line of the report. {@code atLoad} counts the statements {@code list} ran; {@code afterReading} counts
     * them again once the relationship of every root has been read, which is where LAZY runs its statements.
     * {@code sameAsJoined} is null for the JOINED plan itself.
     */
    record Row(String plan, int atLoad, int afterReading, int roots, int children, Boolean sameAsJoined) {
    }

    private final Jdbi jdbi;
    private final StatementCounter counter;

    StrategyComparison(Jdbi jdbi, StatementCounter counter) {
        this.jdbi = jdbi;
        this.counter = counter;
    }

    /** Authors with their books (one-to-many): every strategy that loads them. */
    List<Row> authors() {
        Map<String, LoaderPlan<Author, ?>> plans = new LinkedHashMap<>();
        plans.put("AuthorLoader.withBooksJoined()", AuthorLoader.withBooksJoined());
        plans.put("AuthorLoader.withBooksNested()", AuthorLoader.withBooksNested());
        plans.put("AuthorLoader.withBooksSelectIn()", AuthorLoader.withBooksSelectIn());
        plans.put("AuthorLoader.withBooksSubquery()", AuthorLoader.withBooksSubquery());
        plans.put("AuthorLoader.withBooksImmediate()", AuthorLoader.withBooksImmediate());
        plans.put("AuthorLoader.withBooksLazy()", AuthorLoader.withBooksLazy());
        return compare(plans, Graphs::authorsWithBooks, Graphs::bookCount);
    }

    /**
     * Books with their author (many-to-one). No LAZY: {@code Book.author} is a plain field, which cannot tell
     * "not loaded yet" from "no author", so the processor offers LAZY and RAISE only for a {@code Ref<Author>}.
     */
    List<Row> books() {
        Map<String, LoaderPlan<Book, ?>> plans = new LinkedHashMap<>();
        plans.put("BookLoader.withAuthorJoined()", BookLoader.withAuthorJoined());
        plans.put("BookLoader.withAuthorNested()", BookLoader.withAuthorNested());
        plans.put("BookLoader.withAuthorSelectIn()", BookLoader.withAuthorSelectIn());
        plans.put("BookLoader.withAuthorSubquery()", BookLoader.withAuthorSubquery());
        plans.put("BookLoader.withAuthorImmediate()", BookLoader.withAuthorImmediate());
        return compare(plans, Graphs::booksWithAuthor, Graphs::distinctAuthors);
    }

    /** Runs each plan once; the first one is the JOINED plan that the others are compared with. */
    private <E> List<Row> compare(Map<String, LoaderPlan<E, ?>> plans, Function<List<E>, Object> values,
            ToIntFunction<List<E>> children) {
        List<Row> rows = new ArrayList<>();
        Object joined = null;
        for (Map.Entry<String, LoaderPlan<E, ?>> entry : plans.entrySet()) {
            int before = counter.count();
            // On a handle of its own, closed on return; a LAZY read later opens another one from the Jdbi.
            List<E> loaded = entry.getValue().list(jdbi);
            int atLoad = counter.count() - before;

            // Copying the graph reads the relationship of every root: free for the eager strategies, one
            // statement per parent for LAZY. The counter is the Jdbi's, so it sees those statements too.
            Object graph = values.apply(loaded);
            int afterReading = counter.count() - before;

            Boolean same = joined == null ? null : graph.equals(joined);
            if (joined == null) {
                joined = graph;
            }
            rows.add(new Row(entry.getKey(), atLoad, afterReading, loaded.size(), children.applyAsInt(loaded), same));
        }
        return rows;
    }
}
