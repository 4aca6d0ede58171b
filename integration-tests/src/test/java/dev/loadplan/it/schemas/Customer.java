package dev.loadplan.it.schemas;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A customer in schema {@code CRM}, whose mixed-case name PostgreSQL knows only quoted. */
@Entity(schema = "CRM", table = "customers")
public class Customer {
    @Id long id;
    String name;
    @Relationship(mappedBy = "customer", orderBy = "id")
    List<SalesOrder> orders;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<SalesOrder> orders() {
        return orders;
    }
}
