package dev.loadplan.bench.model;

import dev.loadplan.annotations.View;
import java.util.List;

/** What a list page shows of an author: the name and the titles of the books, no biography, no blurb. */
@View(WideAuthor.class)
public record AuthorCard(long id, String name, List<BookLine> books) {
}
