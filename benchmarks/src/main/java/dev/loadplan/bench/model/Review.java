package dev.loadplan.bench.model;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

@Entity(table = "review")
public class Review {
    @Id long id;
    int stars;
    String body;
    @Relationship(joinColumn = "book_id")
    Book book;

    public long id() {
        return id;
    }
}
