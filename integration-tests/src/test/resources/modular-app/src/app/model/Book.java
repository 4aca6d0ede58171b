package app.model;

import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

@Entity(table = "books")
public record Book(
        @Id long id,
        String title,
        @Column("author_id") Long authorId,
        @Relationship(joinColumn = "publisher_id") Publisher publisher) {
}
