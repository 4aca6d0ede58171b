package dev.loadplan.it.shop;

import dev.loadplan.Strategy;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** The inverse many-to-many; its orders load SELECT_IN unless a plan says otherwise. */
@Entity(table = "tag")
public class Tag {
    @Id long id;
    String name;
    @Relationship(joinTable = "order_tag", joinColumn = "tag_id", inverseJoinColumn = "order_id",
            strategy = Strategy.SELECT_IN)
    List<Order> orders;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Order> orders() {
        return orders;
    }
}
