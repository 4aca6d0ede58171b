package dev.loadplan.it.records;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** An immutable author: its books are gathered before it is built. */
@Entity(table = "authors")
public record RecordAuthor(
        @Id long id,
        String name,
        @Relationship(joinColumn = "author_id", orderBy = "id") List<RecordBook> books) {
}
