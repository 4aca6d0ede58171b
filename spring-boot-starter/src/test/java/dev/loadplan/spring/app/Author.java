package dev.loadplan.spring.app;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import dev.loadplan.annotations.Version;
import java.util.List;

@Entity(table = "authors")
public class Author {
    @Id long id;
    String name;
    @Version long version;
    @Relationship(mappedBy = "author", orderBy = "id")
    List<Book> books;

    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }
}
