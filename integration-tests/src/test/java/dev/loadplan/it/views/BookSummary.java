package dev.loadplan.it.views;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.View;
import java.util.List;

/**
 * A class-form view: a renamed column, a reference to a view held in a
 * {@code Ref} (which may be LAZY), and a many-to-many holding the entity itself.
 */
@View(Book.class)
public class BookSummary {
    long id;
    @Column("title") String heading;
    Integer pages;
    Ref<AuthorName> author;
    List<Tag> tags;

    public long id() {
        return id;
    }

    public String heading() {
        return heading;
    }

    public Integer pages() {
        return pages;
    }

    public Ref<AuthorName> author() {
        return author;
    }

    public List<Tag> tags() {
        return tags;
    }
}
