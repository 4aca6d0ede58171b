package dev.loadplan.it.views;

import dev.loadplan.annotations.View;
import java.util.List;

/** README's list page: an author's name and the titles of their books, no biography, no blurb. */
@View(Author.class)
public record AuthorCard(long id, String name, List<BookLine> books) {
}
