package compilers.views;

import dev.loadplan.annotations.View;

@View(Author.class)
public record AuthorName(long id, String name, long bornYear) {
}
