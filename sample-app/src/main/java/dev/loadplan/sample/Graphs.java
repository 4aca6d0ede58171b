package dev.loadplan.sample;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Loaded graphs as plain values, so graphs from two strategies compare with {@code equals}. The entities
 * themselves keep Java's identity equality, as entities usually do; a value copy of each is what is compared.
 * Only what the plans load is copied: ids, columns, and the one relationship.
 */
final class Graphs {

    private Graphs() {
    }

    record AuthorValue(long id, String name, List<BookRow> books) {
    }

    record BookRow(long id, String title, Long authorId) {
    }

    record BookValue(long id, String title, Long authorId, AuthorRow author) {
    }

    record AuthorRow(long id, String name) {
    }

    /** Authors with their books, in the order loaded (orderBy "id" keeps books in id order). */
    static List<AuthorValue> authorsWithBooks(List<Author> authors) {
        return authors.stream()
                .map(author -> new AuthorValue(author.id(), author.name(), author.books().stream()
                        .map(book -> new BookRow(book.id(), book.title(), book.authorId()))
                        .toList()))
                .toList();
    }

    /** Books with their author; a book without one would have a null author. */
    static List<BookValue> booksWithAuthor(List<Book> books) {
        return books.stream()
                .map(book -> new BookValue(book.id(), book.title(), book.authorId(), book.author() == null
                        ? null
                        : new AuthorRow(book.author().id(), book.author().name())))
                .toList();
    }

    static int bookCount(List<Author> authors) {
        return authors.stream().mapToInt(author -> author.books().size()).sum();
    }

    /**
     * Distinct Author objects the books point at, by identity. One load keeps one object per primary key, so
     * this is the number of authors with books, not the number of books.
     */
    static int distinctAuthors(List<Book> books) {
        Set<Author> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        books.stream().map(Book::author).filter(Objects::nonNull).forEach(seen::add);
        return seen.size();
    }
}
