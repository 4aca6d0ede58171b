package golden.library;

import dev.loadplan.annotations.View;

@View(Book.class)
public record BookLine(long id, String title) {
}
