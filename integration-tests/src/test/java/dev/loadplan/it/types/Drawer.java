package dev.loadplan.it.types;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/**
 * Holds {@link Everything}s through {@code drawer_items}, so every scalar type can be loaded through a relationship:
 * a nested column carries values by another road than a statement's own columns do.
 */
@Entity(table = "drawers")
public class Drawer {
    @Id long id;
    String label;
    @Relationship(joinTable = "drawer_items", joinColumn = "drawer_id", inverseJoinColumn = "item_id")
    List<Everything> items;

    public long id() {
        return id;
    }

    public List<Everything> items() {
        return items;
    }
}
