package dev.loadplan.bench.model;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

@Entity(table = "tag")
public class Tag {
    @Id long id;
    String label;

    public long id() {
        return id;
    }
}
