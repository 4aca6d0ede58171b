package dev.loadplan.it.shop;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/** The owning side of a one-to-one: passport.user_id is unique. */
@Entity(table = "passport")
public class Passport {
    @Id long id;
    String number;
    @Relationship(joinColumn = "user_id")
    Ref<User> user;

    public long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public Ref<User> user() {
        return user;
    }
}
