package dev.loadplan.bench.model;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

@Entity(table = "book")
public class Book {
    @Id long id;
    String title;
    int year;
    @Relationship(joinColumn = "author_id")
    Author author;
    @Relationship(mappedBy = "book", orderBy = "id")
    List<Review> reviews;
    @Relationship(joinTable = "book_tag", joinColumn = "book_id", inverseJoinColumn = "tag_id", orderBy = "id")
    List<Tag> tags;

    public long id() {
        return id;
    }

    public Author author() {
        return author;
    }

    public List<Review> reviews() {
        return reviews;
    }

    public List<Tag> tags() {
        return tags;
    }
}
