package compilers.views;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.View;

/** A renamed column, a widened one and a reference held in a {@code Ref}, none in alphabetical order. */
@View(Book.class)
public record BookLine(long id, @Column("title") String heading, long pages, Ref<AuthorName> author) {
}
