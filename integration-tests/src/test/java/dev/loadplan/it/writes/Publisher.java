package dev.loadplan.it.writes;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

@Entity(table = "publisher")
public class Publisher {
    @Id long id;
    String name;

    public Publisher() {
    }

    public Publisher(String name) {
        this.name = name;
    }

    public long id() {
        return id;
    }
}
