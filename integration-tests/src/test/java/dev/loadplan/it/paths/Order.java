package dev.loadplan.it.paths;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

@Entity(table = "orders")
public class Order {
    @Id long id;
    String description;
    @Relationship(joinColumn = "user_id")
    Ref<User> user;
    @Relationship(joinTable = "order_items", joinColumn = "order_id", inverseJoinColumn = "item_id", orderBy = "id")
    List<Item> items;

    public long id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Ref<User> user() {
        return user;
    }

    public List<Item> items() {
        return items;
    }
}
