package compilers.forms;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/** A record held by a class, which it points back at. */
@Entity(table = "volume")
public record Volume(@Id long id, String title, @Relationship(joinColumn = "shelf_id") Ref<Shelf> shelf) {
}
