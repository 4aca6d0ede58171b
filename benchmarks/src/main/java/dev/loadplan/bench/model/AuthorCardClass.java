package dev.loadplan.bench.model;

import dev.loadplan.annotations.View;
import java.util.List;

/**
 * {@link AuthorCard} as a class: the same columns and statements, objects filled field by field as entities are,
 * where a record is built only once its books are loaded. Beside the record it shows what building records costs.
 */
@View(WideAuthor.class)
public class AuthorCardClass {
    long id;
    String name;
    List<BookLineClass> books;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<BookLineClass> books() {
        return books;
    }
}
