package dev.loadplan.it.identity;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A project many tickets point at, twice: as their project and as the project they came from. */
@Entity(table = "project")
public class Project {
    @Id long id;
    String name;
    @Relationship(mappedBy = "project", orderBy = "id")
    List<Ticket> tickets;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Ticket> tickets() {
        return tickets;
    }
}
