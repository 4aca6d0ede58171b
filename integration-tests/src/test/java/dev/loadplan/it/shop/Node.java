package dev.loadplan.it.shop;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A self-referential tree. */
@Entity(table = "node")
public class Node {
    @Id long id;
    String name;
    @Relationship(joinColumn = "parent_id")
    Ref<Node> parent;
    @Relationship(mappedBy = "parent", orderBy = "name")
    List<Node> children;

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Ref<Node> parent() {
        return parent;
    }

    public List<Node> children() {
        return children;
    }
}
