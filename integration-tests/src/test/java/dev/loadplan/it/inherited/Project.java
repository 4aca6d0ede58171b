package dev.loadplan.it.inherited;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Relationship;
import dev.loadplan.it.inherited.base.BaseEntity;
import java.util.List;

@Entity
public class Project extends BaseEntity {
    String name;
    @Relationship(mappedBy = "project", orderBy = "title") List<Ticket> tickets;
}
