package dev.loadplan.it.schemas;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/** An order in schema {@code sales}, pointing at a customer of another schema. */
@Entity(schema = "sales", table = "orders")
public class SalesOrder {
    @Id long id;
    String reference;
    @Relationship(joinColumn = "customer_id")
    Customer customer;

    public SalesOrder() {
    }

    public SalesOrder(String reference, Customer customer) {
        this.reference = reference;
        this.customer = customer;
    }

    public long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public Customer customer() {
        return customer;
    }

    public void reference(String reference) {
        this.reference = reference;
    }
}
