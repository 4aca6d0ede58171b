package dev.loadplan.it.defaultload;

import dev.loadplan.Strategy;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** An author whose books load, unless a plan says otherwise, on first read. */
@Entity(table = "authors")
public class Author {
    @Id long id;
    String name;
    @Relationship(mappedBy = "author", orderBy = "id", strategy = Strategy.LAZY)
    List<Book> books;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Book> books() {
        return books;
    }
}
