package dev.loadplan.bench.model;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

@Entity(table = "author")
public class Author {
    @Id long id;
    String name;
    @Relationship(mappedBy = "author", orderBy = "id")
    List<Book> books;

    public long id() {
        return id;
    }

    public List<Book> books() {
        return books;
    }
}
