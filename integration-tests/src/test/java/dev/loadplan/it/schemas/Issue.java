package dev.loadplan.it.schemas;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** An issue in schema {@code tracker}, whose association table lives there too, the default. */
@Entity(schema = "tracker", table = "issues")
public class Issue {
    @Id long id;
    String title;
    @Relationship(joinTable = "issue_labels", joinColumn = "issue_id", inverseJoinColumn = "label_id", orderBy = "id")
    List<IssueLabel> labels;

    public String title() {
        return title;
    }

    public List<IssueLabel> labels() {
        return labels;
    }
}
