package incremental.library;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

@Entity(table = "authors")
public class Author {
    @Id long id;
    String name;
    @Relationship(mappedBy = "author", orderBy = "id")
    List<Book> books;
}
