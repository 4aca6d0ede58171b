package compilers.forms;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/** A record on the owning side of a one-to-one with a class. */
@Entity(table = "plaque")
public record Plaque(@Id long id, String text, @Relationship(joinColumn = "shelf_id") Ref<Shelf> shelf) {
}
