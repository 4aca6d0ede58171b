package compilers.kinds;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

/** A text key the application assigns. */
@Entity(table = "tag")
public class Tag {
    @Id(generated = false) String code;
    String label;
}
