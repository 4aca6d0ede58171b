package dev.loadplan.it.shop;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** Table "user", a reserved word. One-to-many to orders; the inverse side of a one-to-one to passport. */
@Entity(table = "user")
public class User {
    @Id long id;
    String name;
    @Relationship(mappedBy = "user", orderBy = "id")
    List<Order> orders;
    @Relationship(mappedBy = "user")
    Ref<Passport> passport;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Order> orders() {
        return orders;
    }

    public Ref<Passport> passport() {
        return passport;
    }
}
