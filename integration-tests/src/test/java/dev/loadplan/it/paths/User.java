package dev.loadplan.it.paths;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

@Entity(table = "users")
public class User {
    @Id long id;
    String name;
    @Relationship(mappedBy = "user", orderBy = "email_address DESC, id")
    List<Address> addresses;
    @Relationship(mappedBy = "user", orderBy = "id")
    List<Order> orders;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Address> addresses() {
        return addresses;
    }

    public List<Order> orders() {
        return orders;
    }
}
