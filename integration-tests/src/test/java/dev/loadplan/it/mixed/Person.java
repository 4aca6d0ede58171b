package dev.loadplan.it.mixed;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/** A record with two references to its own kind: a family tree, no cycle. */
@Entity(table = "person")
public record Person(
        @Id long id,
        String name,
        @Relationship(joinColumn = "mother_id") Person mother,
        @Relationship(joinColumn = "father_id") Person father) {
}
