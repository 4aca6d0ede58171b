package dev.loadplan.it.shop;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

@Entity(table = "address")
public class Address {
    @Id long id;
    String street;

    public long id() {
        return id;
    }

    public String street() {
        return street;
    }
}
