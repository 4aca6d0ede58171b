package dev.loadplan.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A small catalogue: five authors, ten books, and one author with no book in it, so the report shows that an
 * empty collection loads as an empty list under every strategy.
 *
 * <p>Filled only when both tables are empty. Against an external database the app may run many times, and it
 * should neither add the same rows again nor delete rows someone else put there.
 */
final class SampleData {

    /** Author name to titles, in insertion order. */
    private static final Map<String, List<String>> CATALOGUE = new LinkedHashMap<>();

    static {
        CATALOGUE.put("Ursula K. Le Guin", List.of(
                "A Wizard of Earthsea", "The Left Hand of Darkness", "The Dispossessed", "The Lathe of Heaven"));
        CATALOGUE.put("Octavia E. Butler", List.of("Kindred", "Parable of the Sower", "Dawn"));
        CATALOGUE.put("Ted Chiang", List.of()); // none in this catalogue yet
        CATALOGUE.put("Italo Calvino", List.of("Invisible Cities", "If on a Winter's Night a Traveler"));
        CATALOGUE.put("Jorge Luis Borges", List.of("Ficciones"));
    }

    private SampleData() {
    }

    /** Inserts the catalogue unless the tables already hold rows; returns a line saying which, for the output. */
    static String fillIfEmpty(Jdbi jdbi) {
        return jdbi.inTransaction(handle -> {
            // Two runs started at once would both see empty tables; this lock makes the second wait for the
            // first to commit and then see its rows. It conflicts with itself but not with readers.
            handle.execute("LOCK TABLE authors, books IN SHARE ROW EXCLUSIVE MODE");
            AuthorDao authors = AuthorDao.on(handle);
            BookDao books = BookDao.on(handle);
            if (authors.count() > 0 || books.count() > 0) {
                return "kept the " + authors.count() + " authors and " + books.count() + " books already there";
            }
            insert(handle);
            return "inserted " + authors.count() + " authors and " + books.count() + " books";
        });
    }

    private static void insert(Handle handle) {
        AuthorDao authors = AuthorDao.on(handle);
        BookDao books = BookDao.on(handle);
        CATALOGUE.forEach((name, titles) -> {
            Author author = new Author(name);
            long authorId = authors.insert(author); // the key PostgreSQL assigned, also set on author.id
            for (String title : titles) {
                books.insert(new Book(title, authorId));
            }
        });
    }
}
