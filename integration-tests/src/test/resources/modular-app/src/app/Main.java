package app;

import app.model.Author;
import app.model.AuthorLoader;
import app.model.Book;
import app.model.BookLoader;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads every author with its books and their publishers by two plans, and prints each graph, an author a line.
 * Arguments: {@code <jdbc url> <user>}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Jdbi jdbi = Jdbi.create(args[0], args[1], "");
        print("books select-in, publishers joined",
                AuthorLoader.withBooksSelectIn(BookLoader.withPublisherJoined()).orderBy("authors.id").list(jdbi));
        print("books joined, publishers select-in",
                AuthorLoader.withBooksJoined(BookLoader.withPublisherSelectIn()).orderBy("authors.id").list(jdbi));
    }

    private static void print(String plan, List<Author> authors) {
        System.out.println(plan);
        for (Author author : authors) {
            System.out.println("  " + author.name() + ": "
                    + author.books().stream().map(Main::book).collect(Collectors.joining(", ")));
        }
    }

    private static String book(Book book) {
        return book.title() + " (" + (book.publisher() == null ? "no publisher" : book.publisher().name()) + ")";
    }
}
