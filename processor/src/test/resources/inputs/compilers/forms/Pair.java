package compilers.forms;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

/** Two components of one type, not in alphabetical order: Eclipse's compiler lists the fields sorted by name. */
@Entity(table = "pair")
public record Pair(@Id long id, String title, String subtitle) {
}
