package dev.loadplan.it.views;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A book whose rows carry a long blurb. */
@Entity
public class Book {
    @Id long id;
    String title;
    Integer pages;
    Format format;
    String blurb;
    @Relationship(joinColumn = "author_id")
    Ref<Author> author;
    @Relationship(joinTable = "book_tag", joinColumn = "book_id", inverseJoinColumn = "tag_id", orderBy = "label")
    List<Tag> tags;

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Integer pages() {
        return pages;
    }

    public Format format() {
        return format;
    }

    public String blurb() {
        return blurb;
    }

    public Ref<Author> author() {
        return author;
    }

    public List<Tag> tags() {
        return tags;
    }
}
