package dev.loadplan.it.defaultload;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A review: its book a plain reference (never LAZY nor RAISE), its comments declaring nothing (RAISE). */
@Entity(table = "reviews")
public class Review {
    @Id long id;
    int stars;
    @Relationship(joinColumn = "book_id")
    Book book;
    @Relationship(mappedBy = "review", orderBy = "id")
    List<Comment> comments;

    public long id() {
        return id;
    }

    public int stars() {
        return stars;
    }

    public Book book() {
        return book;
    }

    public List<Comment> comments() {
        return comments;
    }
}
