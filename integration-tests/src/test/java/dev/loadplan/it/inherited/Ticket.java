package dev.loadplan.it.inherited;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** Inherits from two levels: Tracked's state and project, then BaseEntity's id, createdAt and version. */
@Entity
public class Ticket extends Tracked {
    String title;
    @Relationship(mappedBy = "ticket", orderBy = "id") List<Note> notes;
}
