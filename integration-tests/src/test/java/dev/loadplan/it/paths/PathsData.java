package dev.loadplan.it.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLAlchemy's loading example, users -> orders -> items -> keywords and users -> addresses, as a small fixed data
 * set written with plain SQL. It holds every edge case a path can meet:
 *
 * <ul>
 *   <li>user 4 (dan) has no orders; user 3 (cid) has no addresses; user 5 (eve) has one order (107) with no
 *       items and no description;</li>
 *   <li>order 106 belongs to nobody ({@code user_id} null), so no user's graph reaches it or its item 1004;</li>
 *   <li>item 1000 (pen) is shared by orders 100 and 102 of two users, item 1001 (ink) by orders 100, 101 and
 *       104;</li>
 *   <li>keyword 2 (blue) is shared by items 1000 and 1001, keyword 3 (cheap) by items 1000 and 1003;</li>
 *   <li>item 1002 (pad) has no keywords; keyword 4 (unused) belongs to no item;</li>
 *   <li>two keywords are both named blue (2 and 5), so {@code orderBy = "name"} needs the primary key to break
 *       the tie; two addresses of bob have the same e-mail (12 and 14), so do addresses.</li>
 * </ul>
 *
 * <p>Graphs are read back as plain nested values: a user is {@code [id, name, orders]}, an order
 * {@code [id, description, items]} (a null description reads "null"), an item {@code [id, description,
 * keywords]}, a keyword {@code [id, name]}, an address {@code [id, email]}. {@code depth} says how many levels
 * below the root are read, so a test touches only what its plan loads.
 */
public final class PathsData {

    private PathsData() {
    }

    public static void fill(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into users (id, name) values "
                    + "(1, 'ann'), (2, 'bob'), (3, 'cid'), (4, 'dan'), (5, 'eve')");
            handle.execute("insert into addresses (id, user_id, email_address) values "
                    + "(10, 1, 'ann@home.example'), (11, 1, 'ann@work.example'), (12, 2, 'bob@home.example'), "
                    + "(13, 4, 'dan@mail.example'), (14, 2, 'bob@home.example'), (15, null, 'nobody@void.example')");
            handle.execute("insert into orders (id, user_id, description) values "
                    + "(100, 1, 'a1'), (101, 1, 'a2'), (102, 2, 'b1'), (103, 3, 'c1'), (104, 3, 'c2'), "
                    + "(105, 2, 'b2'), (106, null, 'orphan'), (107, 5, null)");
            handle.execute("insert into items (id, description) values "
                    + "(1000, 'pen'), (1001, 'ink'), (1002, 'pad'), (1003, 'cup'), (1004, 'box')");
            // Not in key order, so the order of a collection can only come from the statements' ORDER BY.
            handle.execute("insert into order_items (order_id, item_id) values "
                    + "(100, 1001), (100, 1000), (101, 1001), (102, 1002), (102, 1000), (103, 1003), "
                    + "(104, 1003), (104, 1001), (105, 1002), (106, 1004)");
            handle.execute("insert into keywords (id, name) values "
                    + "(1, 'red'), (2, 'blue'), (3, 'cheap'), (4, 'unused'), (5, 'blue')");
            handle.execute("insert into item_keywords (item_id, keyword_id) values "
                    + "(1000, 1), (1000, 3), (1000, 2), (1001, 5), (1001, 2), (1003, 3), (1004, 1)");
        });
    }

    /** The whole graph of every user, users -> orders -> items -> keywords, as {@link #users} reads it at depth 3. */
    public static List<Object> expectedUsers() {
        List<Object> pen = item(1000, "pen", keyword(2, "blue"), keyword(3, "cheap"), keyword(1, "red"));
        List<Object> ink = item(1001, "ink", keyword(2, "blue"), keyword(5, "blue"));
        List<Object> pad = item(1002, "pad");
        List<Object> cup = item(1003, "cup", keyword(3, "cheap"));
        return List.of(
                user(1, "ann", order(100, "a1", pen, ink), order(101, "a2", ink)),
                user(2, "bob", order(102, "b1", pen, pad), order(105, "b2", pad)),
                user(3, "cid", order(103, "c1", cup), order(104, "c2", ink, cup)),
                user(4, "dan"),
                user(5, "eve", order(107, "null")));
    }

    /** {@link #expectedUsers()} cut {@code depth} levels below the users: 0 users only, 1 with orders, ... */
    public static List<Object> expectedUsers(int depth) {
        return prune(expectedUsers(), depth);
    }

    /**
     * Every user with the addresses in their declared order (e-mail descending, then id), as
     * {@link #userAddresses} reads them.
     */
    public static List<Object> expectedUserAddresses() {
        return List.of(
                List.of(1L, "ann", List.of(List.of(11L, "ann@work.example"), List.of(10L, "ann@home.example"))),
                List.of(2L, "bob", List.of(List.of(12L, "bob@home.example"), List.of(14L, "bob@home.example"))),
                List.of(3L, "cid", List.of()),
                List.of(4L, "dan", List.of(List.of(13L, "dan@mail.example"))),
                List.of(5L, "eve", List.of()));
    }

    /** Nodes of the form {@code [id, label, children]} cut {@code depth} levels down; below, {@code [id, label]}. */
    @SuppressWarnings("unchecked")
    public static List<Object> prune(List<Object> nodes, int depth) {
        return map(nodes, node -> {
            List<Object> values = (List<Object>) node;
            if (depth == 0 || values.size() < 3) {
                return List.of(values.get(0), values.get(1));
            }
            return List.of(values.get(0), values.get(1), prune((List<Object>) values.get(2), depth - 1));
        });
    }

    /** Users read {@code depth} levels down: 0 users only, 1 with orders, 2 with items, 3 with keywords. */
    public static List<Object> users(List<User> users, int depth) {
        return map(users, user -> depth == 0 ? List.of(user.id, user.name)
                : List.of(user.id, user.name, orders(user.orders, depth - 1)));
    }

    /** Orders read {@code depth} levels down: 0 orders only, 1 with items, 2 with keywords. */
    public static List<Object> orders(List<Order> orders, int depth) {
        return map(orders, order -> depth == 0 ? List.of(order.id, String.valueOf(order.description))
                : List.of(order.id, String.valueOf(order.description), items(order.items, depth - 1)));
    }

    /** Items read {@code depth} levels down: 0 items only, 1 with keywords. */
    public static List<Object> items(List<Item> items, int depth) {
        return map(items, item -> depth == 0 ? List.of(item.id, item.description)
                : List.of(item.id, item.description, keywords(item.keywords)));
    }

    public static List<Object> keywords(List<Keyword> keywords) {
        return map(keywords, keyword -> List.of(keyword.id, keyword.name));
    }

    /** Users with their addresses: {@code [id, name, [[address id, email], ...]]}. */
    public static List<Object> userAddresses(List<User> users) {
        return map(users, user -> List.of(user.id, user.name,
                map(user.addresses, address -> List.of(address.id, address.email))));
    }

    private static List<Object> user(long id, String name, Object... orders) {
        return List.of(id, name, List.of(orders));
    }

    private static List<Object> order(long id, String description, Object... items) {
        return List.of(id, description, List.of(items));
    }

    private static List<Object> item(long id, String description, Object... keywords) {
        return List.of(id, description, List.of(keywords));
    }

    private static List<Object> keyword(long id, String name) {
        return List.of(id, name);
    }

    /** Maps in order, reading {@code items} once: reading a lazy collection is what loads it. */
    public static <T> List<Object> map(List<T> items, Function<T, Object> describe) {
        List<Object> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(describe.apply(item));
        }
        return out;
    }
}
