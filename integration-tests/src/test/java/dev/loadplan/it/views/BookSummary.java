package dev.loadplan.it.views;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.View;
import java.util.List;

/**
 * A class-form view: an id inherited from a superclass, a renamed column, an enum, a reference to a view held in a
 * {@code Ref} (which may be LAZY), and a many-to-many holding the entity itself.
 */
@View(Book.class)
public class BookSummary extends Keyed {
    @Column("title") String heading;
    Integer pages;
    Format format;
    Ref<AuthorName> author;
    List<Tag> tags;

    public String heading() {
        return heading;
    }

    public Integer pages() {
        return pages;
    }

    public Format format() {
        return format;
    }

    public Ref<AuthorName> author() {
        return author;
    }

    public List<Tag> tags() {
        return tags;
    }
}
