package compilers.forms;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A record that refers to its own kind both ways: a family tree. */
@Entity(table = "person")
public record Person(
        @Id long id,
        String name,
        @Relationship(joinColumn = "mother_id") Person mother,
        @Relationship(joinColumn = "father_id") Person father,
        @Relationship(mappedBy = "mother", orderBy = "name DESC, id") List<Person> children) {
}
