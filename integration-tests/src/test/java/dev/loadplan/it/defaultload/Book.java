package dev.loadplan.it.defaultload;

import dev.loadplan.Ref;
import dev.loadplan.Strategy;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A book whose reviews load, unless a plan says otherwise, SELECT_IN. */
@Entity(table = "books")
public class Book {
    @Id long id;
    String title;
    @Relationship(joinColumn = "author_id")
    Ref<Author> author;
    @Relationship(mappedBy = "book", orderBy = "id", strategy = Strategy.SELECT_IN)
    List<Review> reviews;

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Ref<Author> author() {
        return author;
    }

    public List<Review> reviews() {
        return reviews;
    }
}
