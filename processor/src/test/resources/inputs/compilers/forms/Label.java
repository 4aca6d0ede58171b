package compilers.forms;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

/** A record a class refers to many-to-one. */
@Entity(table = "label")
public record Label(@Id long id, String text) {
}
