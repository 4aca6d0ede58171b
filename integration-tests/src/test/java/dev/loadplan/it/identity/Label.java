package dev.loadplan.it.identity;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

/** A record many tickets point at: built once per graph, whichever read found it. */
@Entity(table = "label")
public record Label(@Id long id, String name) {
}
