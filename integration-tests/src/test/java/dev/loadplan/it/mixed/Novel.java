package dev.loadplan.it.mixed;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

@Entity(table = "novel")
public record Novel(@Id long id, String title, @Relationship(joinColumn = "writer_id") Ref<Writer> writer) {
}
