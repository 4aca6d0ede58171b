package dev.loadplan.it.identity;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/** A ticket with three many-to-ones, whose keys repeat across tickets. */
@Entity(table = "ticket")
public class Ticket {
    @Id long id;
    String title;
    @Relationship(joinColumn = "project_id")
    Ref<Project> project;
    @Relationship(joinColumn = "origin_id")
    Ref<Project> origin;
    @Relationship(joinColumn = "label_id")
    Ref<Label> label;

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Ref<Project> project() {
        return project;
    }

    public Ref<Project> origin() {
        return origin;
    }

    public Ref<Label> label() {
        return label;
    }
}
