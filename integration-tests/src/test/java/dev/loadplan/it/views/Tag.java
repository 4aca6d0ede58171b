package dev.loadplan.it.views;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

@Entity
public class Tag {
    @Id long id;
    String label;
    String description;

    public long id() {
        return id;
    }

    public String label() {
        return label;
    }
}
