package dev.loadplan.it.library;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Test data written with plain SQL, never through loadplan, and graphs read back as plain values so two loads
 * compare field by field.
 */
public final class LibraryData {

    private LibraryData() {
    }

    /**
     * Three authors: Ann with three books (ids out of insertion order), Bob with none, Cid with one; and one
     * book with no author.
     */
    public static void small(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into authors (id, name) values (1, 'Ann'), (2, 'Bob'), (3, 'Cid')");
            handle.execute("insert into books (id, author_id, title) values "
                    + "(12, 1, 'Ann 2'), (10, 1, 'Ann 1'), (11, 3, 'Cid 1'), (13, 1, 'Ann 3'), (14, null, 'Orphan')");
            // Keys were given: move the sequences past them so generated keys do not collide.
            handle.execute("select setval('authors_id_seq', 100), setval('books_id_seq', 100)");
        });
    }

    /** {@code authors} authors with {@code booksEach} books each, in two set-based statements. */
    public static void large(Jdbi jdbi, int authors, int booksEach) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into authors (id, name) select i, 'Author ' || i from generate_series(1, ?) i",
                    authors);
            handle.execute("insert into books (author_id, title) select a, 'Book ' || a || '.' || b "
                    + "from generate_series(1, ?) a, generate_series(1, ?) b order by a, b", authors, booksEach);
        });
    }

    /** An author as plain values: id, name, and each book as id, title, author id. */
    public static List<Object> values(Author author) {
        List<Object> books = new ArrayList<>();
        for (Book book : author.books) {
            books.add(List.of(book.id, book.title, String.valueOf(book.authorId)));
        }
        return List.of(author.id, author.name, books);
    }

    public static List<List<Object>> authorValues(List<Author> authors) {
        return authors.stream().map(LibraryData::values).toList();
    }

    /** A book as plain values, with its author's id and name, or "none". */
    public static List<Object> values(Book book) {
        Object author = book.author == null ? "none" : List.of(book.author.id, book.author.name);
        return List.of(book.id, book.title, String.valueOf(book.authorId), author);
    }

    public static List<List<Object>> bookValues(List<Book> books) {
        return books.stream().map(LibraryData::values).toList();
    }

    public static int count(Handle handle, String table) {
        return handle.createQuery("select count(*) from " + table).mapTo(Integer.class).one();
    }
}
