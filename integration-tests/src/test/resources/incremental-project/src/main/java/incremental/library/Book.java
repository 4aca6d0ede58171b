package incremental.library;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

@Entity(table = "books")
public class Book {
    @Id long id;
    String title;
    @Relationship(joinColumn = "author_id")
    Author author;
}
