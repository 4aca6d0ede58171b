package dev.loadplan.it.records;

import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

@Entity(table = "books")
public record RecordBook(@Id long id, String title, @Column("author_id") Long authorId) {
}
