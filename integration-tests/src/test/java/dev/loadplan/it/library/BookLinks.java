package dev.loadplan.it.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code Author.books} linked with a books plan by each strategy that loads it, and what the links load. */
public final class BookLinks {

    private BookLinks() {
    }

    /** Each loading strategy's {@code withBooks...(BookLoader.Plan)}, by strategy name. */
    public static Map<String, Function<BookLoader.Plan, AuthorLoader.Plan>> byStrategy() {
        Map<String, Function<BookLoader.Plan, AuthorLoader.Plan>> strategies = new LinkedHashMap<>();
        strategies.put("JOINED", AuthorLoader::withBooksJoined);
        strategies.put("NESTED", AuthorLoader::withBooksNested);
        strategies.put("SELECT_IN", AuthorLoader::withBooksSelectIn);
        strategies.put("SUBQUERY", AuthorLoader::withBooksSubquery);
        strategies.put("IMMEDIATE", AuthorLoader::withBooksImmediate);
        strategies.put("LAZY", AuthorLoader::withBooksLazy);
        return strategies;
    }

    /** Each author's name with its books as "id title", in the graph's order; reads lazy lists. */
    public static Map<String, List<Object>> titles(List<Author> authors) {
        Map<String, List<Object>> byAuthor = new LinkedHashMap<>();
        for (Author author : authors) {
            List<Object> books = new ArrayList<>();
            author.books().forEach(book -> books.add(book.id() + " " + book.title()));
            byAuthor.put(author.name(), books);
        }
        return byAuthor;
    }
}
