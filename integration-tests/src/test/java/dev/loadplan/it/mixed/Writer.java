package dev.loadplan.it.mixed;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A record whose children point back at it: both directions declared, one loaded per plan. */
@Entity(table = "writer")
public record Writer(@Id long id, String name, @Relationship(mappedBy = "writer", orderBy = "id") List<Novel> novels) {
}
