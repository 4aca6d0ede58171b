package dev.loadplan.it.writes;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

/**
 * Two components of one type, not in alphabetical order: Eclipse's compiler lists a record's fields sorted by name,
 * and columns taken from there swapped them.
 */
@Entity(table = "pair")
public record Pair(@Id long id, String title, String subtitle) {
}
