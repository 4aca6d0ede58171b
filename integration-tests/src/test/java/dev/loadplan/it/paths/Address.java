package dev.loadplan.it.paths;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

@Entity(table = "addresses")
public class Address {
    @Id long id;
    @Column("email_address") String email;
    @Relationship(joinColumn = "user_id")
    Ref<User> user;

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public Ref<User> user() {
        return user;
    }
}
