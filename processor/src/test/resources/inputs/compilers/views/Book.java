package compilers.views;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

@Entity(table = "books")
public class Book {
    @Id long id;
    String title;
    int pages;
    String blurb;
    @Relationship(joinColumn = "author_id") Ref<Author> author;
}
