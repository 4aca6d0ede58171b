package dev.loadplan.it.paths;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Random users -> orders -> items -> keywords data from a seed, written with plain SQL, and the graph loadplan
 * must build from it, computed independently: the raw tables read back with plain SQL, assembled and ordered with
 * Java collections (orders and items by id, keywords by name then id, as the entities declare).
 *
 * <p>Sizes are small (4-7 users, 8-14 orders, 5-9 items, 3-6 keywords) and links random: orders of nobody
 * ({@code user_id} null) and with no description, users, orders and items with empty collections, items shared
 * across orders, keywords shared across items. Ids are random and not in insertion order, and names repeat, so
 * every order must come from the statements' ORDER BY and its primary key tie-break.
 */
public final class RandomPaths {

    /** What a filtered page of users keeps: not {@code skip}, by name descending then id, from {@code offset}. */
    public record Page(long skip, int offset, int limit) {
    }

    private RandomPaths() {
    }

    /** Empties the tables and writes the data of {@code seed}; returns the page the paged checks ask for. */
    public static Page fill(Jdbi jdbi, long seed) {
        Random random = new Random(seed);
        List<Long> userIds = distinctIds(random, 4 + random.nextInt(4), 1, 100);
        List<Long> orderIds = distinctIds(random, 8 + random.nextInt(7), 100, 1000);
        List<Long> itemIds = distinctIds(random, 5 + random.nextInt(5), 1000, 2000);
        List<Long> keywordIds = distinctIds(random, 3 + random.nextInt(4), 1, 100);
        jdbi.useHandle(handle -> {
            handle.execute("TRUNCATE item_keywords, order_items, keywords, items, addresses, orders, users");
            PreparedBatch users = handle.prepareBatch("insert into users (id, name) values (?, ?)");
            for (long id : userIds) {
                // Four names for up to seven users: ordering by name needs the id to break ties.
                users.add(id, "u" + (char) ('a' + random.nextInt(4)));
            }
            users.execute();
            PreparedBatch orders = handle.prepareBatch(
                    "insert into orders (id, user_id, description) values (?, ?, ?)");
            for (long id : orderIds) {
                Long userId = random.nextInt(5) == 0 ? null : userIds.get(random.nextInt(userIds.size()));
                String description = random.nextInt(6) == 0 ? null : "o" + random.nextInt(100);
                orders.add(id, userId, description);
            }
            orders.execute();
            PreparedBatch items = handle.prepareBatch("insert into items (id, description) values (?, ?)");
            for (long id : itemIds) {
                items.add(id, "i" + random.nextInt(100));
            }
            items.execute();
            PreparedBatch keywords = handle.prepareBatch("insert into keywords (id, name) values (?, ?)");
            for (long id : keywordIds) {
                keywords.add(id, "k" + (char) ('a' + random.nextInt(4)));
            }
            keywords.execute();
            link(handle, random, "order_items (order_id, item_id)", orderIds, itemIds);
            link(handle, random, "item_keywords (item_id, keyword_id)", itemIds, keywordIds);
        });
        return new Page(userIds.get(random.nextInt(userIds.size())), 1, 3);
    }

    /** Links each of {@code from} to 0-3 distinct random rows of {@code to}. */
    private static void link(Handle handle, Random random, String table, List<Long> from, List<Long> to) {
        PreparedBatch batch = handle.prepareBatch("insert into " + table + " values (?, ?)");
        for (long id : from) {
            List<Long> targets = new ArrayList<>(to);
            Collections.shuffle(targets, random);
            for (long target : targets.subList(0, Math.min(random.nextInt(4), targets.size()))) {
                batch.add(id, target);
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static List<Long> distinctIds(Random random, int count, int from, int to) {
        List<Long> ids = IntStream.range(from, to).mapToObj(i -> (long) i).collect(Collectors.toList());
        Collections.shuffle(ids, random);
        return new ArrayList<>(ids.subList(0, count));
    }

    /** Every user by id, with orders, items and keywords, as {@link PathsData#users} reads it at depth 3. */
    public static List<Object> expected(Jdbi jdbi) {
        return expected(jdbi, null);
    }

    /** The users of {@code page} (every user by id when null), with orders, items and keywords. */
    public static List<Object> expected(Jdbi jdbi, Page page) {
        return jdbi.withHandle(handle -> {
            Map<Long, String> userNames = names(handle, "select id, name from users");
            Map<Long, String> itemDescriptions = names(handle, "select id, description from items");
            Map<Long, String> keywordNames = names(handle, "select id, name from keywords");
            // A null description reads "null", as PathsData reads it.
            Map<Long, String> orderDescriptions = names(handle, "select id, coalesce(description, 'null') from orders");
            Map<Long, List<Long>> ordersByUser = pairs(handle,
                    "select user_id, id from orders where user_id is not null");
            Map<Long, List<Long>> itemsByOrder = pairs(handle, "select order_id, item_id from order_items");
            Map<Long, List<Long>> keywordsByItem = pairs(handle, "select item_id, keyword_id from item_keywords");

            List<Long> users = new ArrayList<>(userNames.keySet());
            if (page == null) {
                users.sort(Comparator.naturalOrder());
            } else {
                users.removeIf(id -> id == page.skip());
                users.sort(Comparator.comparing((Long id) -> userNames.get(id)).reversed()
                        .thenComparing(Comparator.naturalOrder()));
                users = users.subList(Math.min(page.offset(), users.size()),
                        Math.min(page.offset() + page.limit(), users.size()));
            }
            List<Object> graph = new ArrayList<>();
            for (long user : users) {
                List<Long> orders = new ArrayList<>(ordersByUser.getOrDefault(user, List.of()));
                orders.sort(Comparator.naturalOrder());
                List<Object> orderNodes = new ArrayList<>();
                for (long order : orders) {
                    List<Long> items = new ArrayList<>(itemsByOrder.getOrDefault(order, List.of()));
                    items.sort(Comparator.naturalOrder());
                    List<Object> itemNodes = new ArrayList<>();
                    for (long item : items) {
                        List<Long> keywords = new ArrayList<>(keywordsByItem.getOrDefault(item, List.of()));
                        keywords.sort(Comparator.comparing((Long id) -> keywordNames.get(id))
                                .thenComparing(Comparator.naturalOrder()));
                        List<Object> keywordNodes = new ArrayList<>();
                        for (long keyword : keywords) {
                            keywordNodes.add(List.of(keyword, keywordNames.get(keyword)));
                        }
                        itemNodes.add(List.of(item, itemDescriptions.get(item), keywordNodes));
                    }
                    orderNodes.add(List.of(order, orderDescriptions.get(order), itemNodes));
                }
                graph.add(List.of(user, userNames.get(user), orderNodes));
            }
            return graph;
        });
    }

    /** The number of users, of orders and of distinct items in a graph as {@link #expected} builds it. */
    @SuppressWarnings("unchecked")
    public static int[] parentsPerLevel(List<Object> graph) {
        int orders = 0;
        Set<Object> items = new LinkedHashSet<>();
        for (Object user : graph) {
            List<Object> userOrders = (List<Object>) ((List<Object>) user).get(2);
            orders += userOrders.size();
            for (Object order : userOrders) {
                for (Object item : (List<Object>) ((List<Object>) order).get(2)) {
                    items.add(((List<Object>) item).get(0));
                }
            }
        }
        return new int[] {graph.size(), orders, items.size()};
    }

    private static Map<Long, String> names(Handle handle, String sql) {
        Map<Long, String> names = new HashMap<>();
        handle.createQuery(sql).map((row, context) -> Map.entry(row.getLong(1), row.getString(2)))
                .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        return names;
    }

    private static Map<Long, List<Long>> pairs(Handle handle, String sql) {
        Map<Long, List<Long>> pairs = new HashMap<>();
        handle.createQuery(sql).map((row, context) -> Map.entry(row.getLong(1), row.getLong(2)))
                .forEach(entry -> pairs.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                        .add(entry.getValue()));
        return pairs;
    }
}
