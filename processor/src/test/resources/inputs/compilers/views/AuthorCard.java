package compilers.views;

import dev.loadplan.annotations.View;
import java.util.List;

/** Components not in alphabetical order (books, id, name), which is how Eclipse's compiler lists a record's fields. */
@View(Author.class)
public record AuthorCard(long id, String name, List<BookLine> books) {
}
