package dev.loadplan.sample;

import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/**
 * A book and its author. The foreign key is mapped twice on purpose: {@code authorId} is always read and is
 * what {@code BookDao.insert} writes; {@code author} is the object, filled only when a plan loads it.
 */
@Entity(table = "books")
public class Book {
    @Id long id;
    String title;
    @Column("author_id") Long authorId;
    /** Loaded only when a plan asks for it, e.g. {@code BookLoader.withAuthorJoined()}. */
    @Relationship(joinColumn = "author_id")
    Author author;

    /** For the generated mapping, which fills the fields itself. */
    public Book() {
    }

    public Book(String title, long authorId) {
        this.title = title;
        this.authorId = authorId;
    }

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Long authorId() {
        return authorId;
    }

    public Author author() {
        return author;
    }
}
