package dev.loadplan.it.paths;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

@Entity(table = "items")
public class Item {
    @Id long id;
    String description;
    @Relationship(joinTable = "item_keywords", joinColumn = "item_id", inverseJoinColumn = "keyword_id",
            orderBy = "name")
    List<Keyword> keywords;

    public long id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<Keyword> keywords() {
        return keywords;
    }
}
