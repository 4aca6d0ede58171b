package dev.loadplan.bench.model;

import dev.loadplan.annotations.View;

/** {@link BookLine} as a class. */
@View(WideBook.class)
public class BookLineClass {
    long id;
    String title;

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }
}
