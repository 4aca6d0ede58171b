package dev.loadplan.it.writes;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import java.util.UUID;

/** A UUID key the application assigns: by default, a UUID or text key is not generated. */
@Entity(table = "editor")
public class Editor {
    @Id UUID id;
    String name;

    public Editor() {
    }

    public Editor(UUID id, String name) {
        this.id = id;
        this.name = name;
    }
}
