package dev.loadplan.it.shop;

import dev.loadplan.Ref;
import dev.loadplan.Strategy;
import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/**
 * Table "order" with a column "desc", both reserved words. Two relationships to address, one a plain field and
 * one a Ref; tags are JOINED unless a plan says otherwise.
 */
@Entity(table = "order")
public class Order {
    @Id long id;
    @Column("desc") String description;
    @Relationship(joinColumn = "user_id", innerJoin = true)
    Ref<User> user;
    @Relationship(joinColumn = "billing_address_id")
    Address billingAddress;
    @Relationship(joinColumn = "shipping_address_id")
    Ref<Address> shippingAddress;
    @Relationship(joinTable = "order_tag", joinColumn = "order_id", inverseJoinColumn = "tag_id", orderBy = "name",
            strategy = Strategy.JOINED)
    List<Tag> tags;

    public long id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Ref<User> user() {
        return user;
    }

    public Address billingAddress() {
        return billingAddress;
    }

    public Ref<Address> shippingAddress() {
        return shippingAddress;
    }

    public List<Tag> tags() {
        return tags;
    }
}
