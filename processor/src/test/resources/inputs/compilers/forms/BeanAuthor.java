package compilers.forms;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A JavaBean: private fields behind getters and setters, a boolean named as Kotlin names it. */
@Entity(table = "authors")
public class BeanAuthor {
    @Id private long id;
    private String name;
    private boolean isActive;
    @Relationship(mappedBy = "author", orderBy = "id")
    private List<FluentBook> books;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isActive() {
        return isActive;
    }

    public void setActive(boolean active) {
        this.isActive = active;
    }

    public List<FluentBook> getBooks() {
        return books;
    }

    public void setBooks(List<FluentBook> books) {
        this.books = books;
    }
}
