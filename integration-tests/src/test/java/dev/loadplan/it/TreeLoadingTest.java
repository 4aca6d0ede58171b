package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.it.shop.Node;
import dev.loadplan.it.shop.NodeLoader;
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

/**
 * Self-referential trees: root(1) -> a(3) -> a1(4), root -> b(2); lone(5); and a cycle x(6) <-> y(7) in the data.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/shop.sql")
class TreeLoadingTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        ShopData.fill(jdbi);
        ShopData.addNodeCycle(jdbi);
    }

    @Test
    void depthRepeatsTheLinkOneLevelPerStatement(Jdbi jdbi, StatementCounter counter) {
        List<Node> roots = NodeLoader.withChildrenSelectIn().depth(3).where("node.id IN (1, 5)").list(jdbi);

        // The roots, then children, grandchildren and great-grandchildren: one statement per level.
        assertThat(counter.count()).isEqualTo(4);
        assertThat(tree(roots)).isEqualTo(List.of("root[a[a1[]], b[]]", "lone[]"));
    }

    @Test
    void belowTheLastLevelChildrenAreNotLoaded(Jdbi jdbi) {
        List<Node> roots = NodeLoader.withChildrenSelectIn().depth(2).where("node.id = 1").list(jdbi);

        Node a1 = roots.get(0).children().get(0).children().get(0);
        assertThat(a1.name()).isEqualTo("a1");
        assertThatThrownBy(() -> a1.children().size()).isInstanceOf(RelationshipNotLoadedException.class);
    }

    @Test
    void recursiveLoadsWholeSubtreesInOneStatement(Jdbi jdbi, StatementCounter counter) {
        List<Node> roots = NodeLoader.withChildrenRecursive().where("node.parent_id IS NULL").list(jdbi);

        assertThat(counter.count()).isEqualTo(1);
        assertThat(counter.statements().get(0)).startsWith("WITH RECURSIVE lp_tree AS (");
        assertThat(tree(roots)).isEqualTo(List.of("root[a[a1[]], b[]]", "lone[]"));
    }

    @Test
    void recursiveKeepsTheRootOrderAndPages(Jdbi jdbi) {
        List<Node> roots = NodeLoader.withChildrenRecursive().where("node.parent_id IS NULL")
                .orderBy("node.name DESC").limit(1).list(jdbi);

        assertThat(tree(roots)).isEqualTo(List.of("root[a[a1[]], b[]]"));
    }

    @Test
    void recursiveGivesTheSameTreeAsRepeatedSelectIn(Jdbi jdbi) {
        List<Node> recursive = NodeLoader.withChildrenRecursive().where("node.id = 1").list(jdbi);
        List<Node> repeated = NodeLoader.withChildrenSelectIn().depth(3).where("node.id = 1").list(jdbi);

        assertThat(tree(recursive)).isEqualTo(tree(repeated));
    }

    @Test
    void recursiveStopsAtACycleInTheData(Jdbi jdbi) {
        List<Node> roots = NodeLoader.withChildrenRecursive().where("node.id = 6").list(jdbi);

        // x's child y has x as its child: the walk stops where it would visit x again.
        Node x = roots.get(0);
        assertThat(x.children()).extracting(Node::name).containsExactly("y");
        assertThat(x.children().get(0).children()).isEmpty();
    }

    @Test
    void recursiveLoadsOtherLinksOfEveryNode(Jdbi jdbi, StatementCounter counter) {
        List<Node> roots = NodeLoader.withChildrenRecursive().withParentJoined().where("node.id = 1").list(jdbi);

        assertThat(counter.count()).isEqualTo(1);
        Node a1 = roots.get(0).children().get(0).children().get(0);
        assertThat(a1.parent().get().name()).isEqualTo("a");
        assertThat(roots.get(0).parent().get()).isNull();
    }

    private static List<String> tree(List<Node> nodes) {
        List<String> out = new ArrayList<>();
        for (Node node : nodes) {
            out.add(node.name() + tree(node.children()));
        }
        return out;
    }

    @Test
    void everyLevelOfADepthKeepsTheLinksCriteriaAndLimit(Jdbi jdbi) {
        // root's children by name: a(3), b(2); a's: a1(4). Each level keeps its first child by name.
        List<Node> roots = NodeLoader.withChildrenSelectIn(NodeLoader.plain().where("node.name <> :n").bind("n", "x")
                .orderBy("node.name").limit(1)).depth(2).where("node.id = 1").list(jdbi);

        assertThat(roots.get(0).children()).extracting(Node::name).containsExactly("a");
        assertThat(roots.get(0).children().get(0).children()).extracting(Node::name).containsExactly("a1");
    }
}
