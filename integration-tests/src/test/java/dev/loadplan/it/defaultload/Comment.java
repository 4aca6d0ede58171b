package dev.loadplan.it.defaultload;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/** A comment on a review. */
@Entity(table = "comments")
public class Comment {
    @Id long id;
    String body;
    @Relationship(joinColumn = "review_id")
    Ref<Review> review;

    public long id() {
        return id;
    }

    public String body() {
        return body;
    }

    public Ref<Review> review() {
        return review;
    }
}
