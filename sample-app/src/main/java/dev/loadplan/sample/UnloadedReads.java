package dev.loadplan.sample;

import dev.loadplan.RelationshipNotLoadedException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads authors with a plan that leaves {@code Author.books} unloaded and reads every author's books, to show
 * what the plan decided such a read does: NO_LOAD reads as an empty list, RAISE throws.
 */
final class UnloadedReads {

    /**
     * What one plan's load and reads gave.
     *
     * @param statements statements the load and all the reads ran together
     * @param readAs the distinct values the books read as, for the authors whose read did not throw
     * @param threw how many authors' reads threw
     * @param exception the first exception thrown, or null when none was
     */
    record Outcome(String plan, int statements, int authors, Set<String> readAs, int threw,
            RelationshipNotLoadedException exception) {
    }

    private final Jdbi jdbi;
    private final StatementCounter counter;

    UnloadedReads(Jdbi jdbi, StatementCounter counter) {
        this.jdbi = jdbi;
        this.counter = counter;
    }

    /** NO_LOAD, asked for by name. */
    Outcome noLoad() {
        return read("AuthorLoader.withBooksNoLoad()", AuthorLoader.withBooksNoLoad());
    }

    /**
     * RAISE through {@code plain()}, the plan people write first: it names no relationship, and
     * {@code Author.books} declares no strategy of its own, so the books get the default, RAISE.
     */
    Outcome plain() {
        return read("AuthorLoader.plain()", AuthorLoader.plain());
    }

    private Outcome read(String name, AuthorLoader.Plan plan) {
        int before = counter.count();
        List<Author> authors = plan.list(jdbi);
        Set<String> readAs = new LinkedHashSet<>();
        int threw = 0;
        RelationshipNotLoadedException first = null;
        for (Author author : authors) {
            try {
                // Copying reads every element: the read a caller would make.
                readAs.add(List.copyOf(author.books()).toString());
            } catch (RelationshipNotLoadedException e) {
                threw++;
                first = first == null ? e : first;
            }
        }
        return new Outcome(name, counter.count() - before, authors.size(), readAs, threw, first);
    }
}
