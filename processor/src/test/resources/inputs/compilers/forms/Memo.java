package compilers.forms;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Version;

/** A record with a generated key and a version. */
@Entity(table = "memo")
public record Memo(@Id long id, String text, @Version long version) {
}
