package compilers.forms;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A record on one side of a many-to-many with a class. */
@Entity(table = "topic")
public record Topic(
        @Id long id,
        String name,
        @Relationship(joinTable = "shelf_topic", joinColumn = "topic_id", inverseJoinColumn = "shelf_id",
                orderBy = "id") List<Shelf> shelves) {
}
