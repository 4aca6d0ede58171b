package compilers.inherited;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** Compiled after {@link Ticket} in one test, reading it and {@link Stamped} from class files only. */
@Entity(table = "boards")
public class Board {
    @Id long id;
    String name;
    @Relationship(mappedBy = "board", orderBy = "id") List<Ticket> tickets;
}
