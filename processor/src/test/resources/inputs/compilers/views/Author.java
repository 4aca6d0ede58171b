package compilers.views;

import dev.loadplan.Ref;
import dev.loadplan.Strategy;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

@Entity(table = "authors")
public class Author {
    @Id long id;
    String name;
    int bornYear;
    String biography;
    @Relationship(joinColumn = "publisher_id") Ref<Publisher> publisher;
    @Relationship(mappedBy = "author", orderBy = "id", strategy = Strategy.LAZY) List<Book> books;
}
