package dev.loadplan.it.inherited;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Relationship;

@Entity
public class Note extends Keyed<Long> {
    String body;
    @Relationship(joinColumn = "ticket_id") Ticket ticket;
}
