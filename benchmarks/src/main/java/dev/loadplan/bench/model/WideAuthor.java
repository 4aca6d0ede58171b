package dev.loadplan.bench.model;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/**
 * An author whose row carries a biography of 2 KB, which a list page does not show: the list page scenario's entity.
 * Its own table, so the other scenarios keep the narrow rows their recorded numbers were measured on.
 */
@Entity(table = "wide_author")
public class WideAuthor {
    @Id long id;
    String name;
    String biography;
    @Relationship(mappedBy = "author", orderBy = "id")
    List<WideBook> books;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<WideBook> books() {
        return books;
    }
}
