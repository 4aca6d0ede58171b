package readme;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** README's tree: a node and its children, by {@code parent_id}. */
@Entity(table = "node")
public class Node {
    @Id long id;
    String name;
    @Relationship(joinColumn = "parent_id") Node parent;
    @Relationship(mappedBy = "parent", orderBy = "id") List<Node> children;
}
