package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.it.records.RecordNode;
import dev.loadplan.it.records.RecordNodeLoader;
import dev.loadplan.it.shop.ShopData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tree of records: root(1) -> a(3) -> a1(4), root -> b(2); lone(5); a cycle x(6) <-> y(7) in the data. */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/shop.sql")
class RecordTreeTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        ShopData.fill(jdbi);
        ShopData.addNodeCycle(jdbi);
    }

    @Test
    void aRecursiveLoadBuildsEveryNodeAfterItsChildren(Jdbi jdbi, StatementCounter counter) {
        List<RecordNode> roots = RecordNodeLoader.withChildrenRecursive().where("node.parent_id IS NULL").list(jdbi);

        assertThat(counter.count()).isEqualTo(1);
        assertThat(tree(roots)).containsExactly("root[a[a1[]], b[]]", "lone[]");
    }

    @Test
    void repeatedSelectInBuildsTheSameTree(Jdbi jdbi) {
        List<RecordNode> roots = RecordNodeLoader.withChildrenSelectIn().depth(3).where("node.id IN (1, 5)")
                .list(jdbi);

        assertThat(tree(roots)).containsExactly("root[a[a1[]], b[]]", "lone[]");
    }

    @Test
    void aCycleInTheDataIsAClearErrorNamingIt(Jdbi jdbi) {
        // x's child is y and y's child is x: as records, x would have to exist before itself.
        assertThatThrownBy(() -> RecordNodeLoader.withChildrenSelectIn().depth(3).where("node.id = 6").list(jdbi))
                .isInstanceOf(LoadPlanException.class)
                .hasMessageContaining("the data holds a cycle of records: RecordNode(6) -> RecordNode(7) -> "
                        + "RecordNode(6)");
    }

    @Test
    void aTreeOfRecordsThousandsOfLevelsDeepIsBuiltWithoutRecursion(Jdbi jdbi) {
        int levels = 3_000;
        jdbi.useHandle(handle -> handle.execute("insert into node (id, parent_id, name) select g, "
                + "case when g = 10000 then null else g - 1 end, 'n' || g from generate_series(10000, ?) g",
                10_000 + levels - 1));
        try {
            List<RecordNode> roots = RecordNodeLoader.withChildrenRecursive().where("node.id = 10000").list(jdbi);

            int depth = 0;
            for (RecordNode node = roots.get(0); node != null; node = node.children().isEmpty() ? null
                    : node.children().get(0)) {
                depth++;
            }
            assertThat(depth).isEqualTo(levels);
        } finally {
            jdbi.useHandle(handle -> handle.execute("delete from node where id >= 10000"));
        }
    }

    private static List<String> tree(List<RecordNode> nodes) {
        List<String> out = new ArrayList<>();
        for (RecordNode node : nodes) {
            out.add(node.name() + tree(node.children()));
        }
        return out;
    }
}
