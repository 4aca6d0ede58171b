package compilers.forms;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A class with fields that holds records through every relationship kind. */
@Entity(table = "shelf")
public class Shelf {
    @Id long id;
    String name;
    @Column("label_id") Long labelId;
    @Relationship(mappedBy = "shelf", orderBy = "title")
    List<Volume> volumes;
    @Relationship(joinColumn = "label_id")
    Label label;
    @Relationship(mappedBy = "shelf")
    Ref<Plaque> plaque;
    @Relationship(joinTable = "shelf_topic", joinColumn = "shelf_id", inverseJoinColumn = "topic_id", orderBy = "id")
    List<Topic> topics;
}
