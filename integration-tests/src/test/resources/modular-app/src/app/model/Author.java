package app.model;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

@Entity(table = "authors")
public class Author {
    @Id long id;
    String name;
    @Relationship(joinColumn = "author_id", orderBy = "id")
    List<Book> books;

    public String name() {
        return name;
    }

    public List<Book> books() {
        return books;
    }
}
