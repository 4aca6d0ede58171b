package golden.library;

import dev.loadplan.annotations.View;
import java.util.List;

/** A view of Author for a list page: its name and its books' titles. */
@View(Author.class)
public record AuthorCard(long id, String name, List<BookLine> books) {
}
