package dev.loadplan.it.paths;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

@Entity(table = "keywords")
public class Keyword {
    @Id long id;
    String name;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }
}
