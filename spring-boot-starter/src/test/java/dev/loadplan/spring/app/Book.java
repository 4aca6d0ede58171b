package dev.loadplan.spring.app;

import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

@Entity(table = "books")
public class Book {
    @Id long id;
    String title;
    @Column("author_id") Long authorId;
    @Relationship(joinColumn = "author_id")
    Author author;

    public Book() {
    }

    public Book(String title, long authorId) {
        this.title = title;
        this.authorId = authorId;
    }
}
