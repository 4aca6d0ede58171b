package app.model;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

@Entity(table = "publishers")
public record Publisher(@Id long id, String name) {
}
