package dev.loadplan.bench.model;

import dev.loadplan.annotations.View;

/** A book's line on a list page: its title. */
@View(WideBook.class)
public record BookLine(long id, String title) {
}
