package golden.library;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

@Entity(table = "authors")
public class Author {
    @Id long id;
    String name;
    @Relationship(mappedBy = "author", orderBy = "id")
    List<Book> books;

    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }

    public long id() {
        return id;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public List<Book> books() {
        return books;
    }
}
