package readme;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

/** A keyword of {@link Item}s. */
@Entity(table = "keywords")
public class Keyword {
    @Id long id;
    String name;
}
