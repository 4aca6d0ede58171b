package dev.loadplan.it.records;

import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** An immutable tree: each node is built after its children. */
@Entity(table = "node")
public record RecordNode(
        @Id long id,
        String name,
        @Column("parent_id") Long parentId,
        @Relationship(joinColumn = "parent_id", orderBy = "name") List<RecordNode> children) {
}
