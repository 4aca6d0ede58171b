package dev.loadplan.it.writes;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import dev.loadplan.annotations.Version;

/**
 * Each way a foreign key can be held: a plain reference (publisher), a {@code Ref} (editor), and a column mapped
 * as a field (series_code); and a version for optimistic locking.
 */
@Entity(table = "title")
public class Title {
    @Id long id;
    String name;
    @Relationship(joinColumn = "publisher_id")
    Publisher publisher;
    @Relationship(joinColumn = "editor_id")
    Ref<Editor> editor;
    @Column("series_code") String seriesCode;
    @Version int version;

    public Title() {
    }

    public Title(String name) {
        this.name = name;
    }
}
