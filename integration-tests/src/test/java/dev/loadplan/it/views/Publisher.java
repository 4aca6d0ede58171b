package dev.loadplan.it.views;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

@Entity
public class Publisher {
    @Id long id;
    String name;
    String address;
    @Relationship(mappedBy = "publisher", orderBy = "id")
    List<Author> authors;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Author> authors() {
        return authors;
    }
}
