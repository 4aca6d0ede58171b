package dev.loadplan.it.views;

import dev.loadplan.Ref;
import dev.loadplan.Strategy;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** An author whose rows carry a long biography, which a list page does not show. */
@Entity
public class Author {
    @Id long id;
    String name;
    int bornYear;
    String biography;
    @Relationship(joinColumn = "publisher_id")
    Ref<Publisher> publisher;
    @Relationship(mappedBy = "author", orderBy = "id", strategy = Strategy.LAZY)
    List<Book> books;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int bornYear() {
        return bornYear;
    }

    public String biography() {
        return biography;
    }

    public Ref<Publisher> publisher() {
        return publisher;
    }

    public List<Book> books() {
        return books;
    }
}
