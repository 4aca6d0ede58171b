package dev.loadplan.it.identity;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import dev.loadplan.Ref;

/** Someone watching a ticket: a many-to-one below the tickets, for reads that go on below a lazy link. */
@Entity(table = "watcher")
public class Watcher {
    @Id long id;
    String name;
    @Relationship(joinColumn = "ticket_id")
    Ref<Ticket> ticket;

    public String name() {
        return name;
    }

    public Ref<Ticket> ticket() {
        return ticket;
    }
}
