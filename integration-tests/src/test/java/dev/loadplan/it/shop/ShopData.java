package dev.loadplan.it.shop;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A small shop, written with plain SQL: users with and without orders and passports, an order whose billing and
 * shipping address are the same row, tags on some orders, and a tree with a lone root. Graphs are read back as
 * plain values, one relationship at a time, so each test touches only what its plan loads.
 */
public final class ShopData {

    private ShopData() {
    }

    public static void fill(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into \"user\" (id, name) values (1, 'Ann'), (2, 'Bob'), (3, 'Cid')");
            handle.execute("insert into passport (id, user_id, number) values (10, 1, 'P-1'), (11, 3, 'P-3')");
            handle.execute("insert into address (id, street) values (100, 'Main St'), (101, 'Side St')");
            handle.execute("insert into \"order\" (id, user_id, \"desc\", billing_address_id, shipping_address_id) values "
                    + "(1000, 1, 'first', 100, 100), (1001, 1, 'second', 101, null), (1002, 3, null, null, 101)");
            handle.execute("insert into tag (id, name) values (1, 'gift'), (2, 'urgent'), (3, 'unused')");
            handle.execute("insert into order_tag (order_id, tag_id) values (1000, 2), (1000, 1), (1002, 1)");
            handle.execute("insert into node (id, parent_id, name) values "
                    + "(1, null, 'root'), (2, 1, 'b'), (3, 1, 'a'), (4, 3, 'a1'), (5, null, 'lone')");
        });
    }

    /** Adds nodes x(6) and y(7), each the other's parent: a cycle in the data. */
    public static void addNodeCycle(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into node (id, parent_id, name) values (6, null, 'x'), (7, 6, 'y')");
            handle.execute("update node set parent_id = 7 where id = 6");
        });
    }

    public static List<Object> userOrders(List<User> users) {
        return map(users, user -> List.of(user.id, user.name,
                map(user.orders, order -> List.of(order.id, String.valueOf(order.description)))));
    }

    public static List<Object> userPassports(List<User> users) {
        return map(users, user -> List.of(user.id,
                user.passport.asOptional().map(passport -> passport.number).orElse("none")));
    }

    public static List<Object> passportUsers(List<Passport> passports) {
        return map(passports, passport -> List.of(passport.number, passport.user.get().name));
    }

    public static List<Object> orderUsers(List<Order> orders) {
        return map(orders, order -> List.of(order.id, order.user.get().id, order.user.get().name));
    }

    public static List<Object> orderTags(List<Order> orders) {
        return map(orders, order -> List.of(order.id, map(order.tags, tag -> tag.name)));
    }

    public static List<Object> tagOrders(List<Tag> tags) {
        return map(tags, tag -> List.of(tag.name, map(tag.orders, order -> order.id)));
    }

    public static List<Object> nodeChildren(List<Node> nodes) {
        return map(nodes, node -> List.of(node.name, map(node.children, child -> child.name)));
    }

    public static List<Object> nodeParents(List<Node> nodes) {
        return map(nodes, node -> List.of(node.name,
                node.parent.asOptional().map(parent -> parent.name).orElse("none")));
    }

    public static List<Object> orderAddresses(List<Order> orders) {
        return map(orders, order -> List.of(order.id,
                order.billingAddress == null ? "none" : order.billingAddress.street,
                order.shippingAddress.asOptional().map(address -> address.street).orElse("none")));
    }

    private static <T> List<Object> map(List<T> items, java.util.function.Function<T, Object> describe) {
        List<Object> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(describe.apply(item));
        }
        return out;
    }
}
