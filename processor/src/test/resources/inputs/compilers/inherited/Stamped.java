package compilers.inherited;

import dev.loadplan.annotations.Id;
import java.time.Instant;

/** A plain superclass, fields out of alphabetical order: Eclipse's compiler lists a compiled class's by name. */
public abstract class Stamped {
    @Id long id;
    String zone;
    Instant createdAt;
}
