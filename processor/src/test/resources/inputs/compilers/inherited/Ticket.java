package compilers.inherited;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Relationship;

/** Maps Stamped's fields before its own. */
@Entity(table = "tickets")
public class Ticket extends Stamped {
    String title;
    @Relationship(joinColumn = "board_id") Board board;
}
