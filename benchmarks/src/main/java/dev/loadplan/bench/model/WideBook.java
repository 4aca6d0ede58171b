package dev.loadplan.bench.model;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/** A book whose row carries a blurb of 2 KB, which a list page does not show. */
@Entity(table = "wide_book")
public class WideBook {
    @Id long id;
    String title;
    int year;
    String blurb;
    @Relationship(joinColumn = "author_id")
    WideAuthor author;

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }
}
