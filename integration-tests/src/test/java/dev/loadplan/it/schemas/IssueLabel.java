package dev.loadplan.it.schemas;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** A label in schema {@code CRM}, whose many-to-many with issues goes through a table of another schema. */
@Entity(schema = "CRM", table = "labels")
public record IssueLabel(
        @Id long id,
        String name,
        @Relationship(joinTableSchema = "tracker", joinTable = "issue_labels", joinColumn = "label_id",
                inverseJoinColumn = "issue_id", orderBy = "id")
        List<Issue> issues) {
}
