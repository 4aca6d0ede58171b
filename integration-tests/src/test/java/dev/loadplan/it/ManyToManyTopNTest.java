package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.shop.Order;
import dev.loadplan.it.shop.OrderLoader;
import dev.loadplan.it.shop.TagLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Top-N and criteria through an association table ({@code Order.tags}, by {@code order_tag}): each order keeps the
 * tags a raw query ranks first for it, with every strategy.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/shop.sql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyToManyTopNTest {

    private Jdbi jdbi;

    @BeforeAll
    void data(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.useHandle(handle -> {
            handle.execute("insert into \"user\" (id, name) values (1, 'Ann')");
            handle.execute("insert into \"order\" (id, user_id, \"desc\") values (1000, 1, 'a'), (1001, 1, 'b'), "
                    + "(1002, 1, 'c')");
            handle.execute("insert into tag (id, name) values (1, 'gift'), (2, 'urgent'), (3, 'fragile'), "
                    + "(4, 'bulk')");
            handle.execute("insert into order_tag (order_id, tag_id) values (1000, 1), (1000, 2), (1000, 3), "
                    + "(1000, 4), (1001, 2), (1001, 4)");
        });
    }

    @Test
    void eachOrderKeepsItsFirstTagsWithEveryStrategy() {
        TagLoader.Plan firstTwo = TagLoader.plain().where("tag.name <> :n").bind("n", "gift").orderBy("tag.name DESC")
                .limit(2);
        Map<Long, List<String>> expected = Map.of(1000L, List.of("urgent", "fragile"), 1001L, List.of("urgent", "bulk"),
                1002L, List.of());
        Map<String, Function<TagLoader.Plan, OrderLoader.Plan>> strategies = new LinkedHashMap<>();
        strategies.put("JOINED", OrderLoader::withTagsJoined);
        strategies.put("NESTED", OrderLoader::withTagsNested);
        strategies.put("SELECT_IN", OrderLoader::withTagsSelectIn);
        strategies.put("SUBQUERY", OrderLoader::withTagsSubquery);
        strategies.put("IMMEDIATE", OrderLoader::withTagsImmediate);
        strategies.put("LAZY", OrderLoader::withTagsLazy);

        strategies.forEach((strategy, link) -> {
            List<Order> orders = link.apply(firstTwo).list(jdbi);
            Map<Long, List<String>> tags = new LinkedHashMap<>();
            for (Order order : orders) {
                tags.put(order.id(), order.tags().stream().map(tag -> tag.name()).toList());
            }
            assertThat(tags).as(strategy).isEqualTo(expected);
        });
    }
}
