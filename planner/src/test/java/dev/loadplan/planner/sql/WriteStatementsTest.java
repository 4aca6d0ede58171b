package dev.loadplan.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.planner.sql.WriteStatements.Assignment;
import dev.loadplan.planner.sql.WriteStatements.ColumnWrite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DAO statements' SQL, read as a table of inputs to text. */
class WriteStatementsTest {

    private static final TableShape BOOKS = new TableShape("books", List.of("id", "title", "author_id", "version"), 0);
    private static final TableShape ORDERS = new TableShape("orders", List.of("id"), 0, "sales");

    @Test
    void insertListsItsColumnsAndReturnsAKeyTheDatabaseAssigns() {
        assertThat(WriteStatements.insert(BOOKS, List.of("title", "author_id"), true))
                .isEqualTo("INSERT INTO books (title, author_id)\nVALUES (?, ?)\nRETURNING id");
        assertThat(WriteStatements.insert(BOOKS, List.of("id", "title"), false))
                .isEqualTo("INSERT INTO books (id, title)\nVALUES (?, ?)");
        assertThat(WriteStatements.insert(ORDERS, List.of(), true))
                .as("a row of nothing but a generated key").isEqualTo("INSERT INTO sales.orders\nDEFAULT VALUES\nRETURNING id");
    }

    @Test
    void updateSetsEachColumnItsWayAndChecksTheVersionWhenThereIsOne() {
        List<Assignment> sets = List.of(new Assignment("title", ColumnWrite.VALUE),
                new Assignment("author_id", ColumnWrite.IF_HELD), new Assignment("version", ColumnWrite.NEXT_VERSION));
        assertThat(WriteStatements.update(BOOKS, sets, "version")).isEqualTo("UPDATE books\nSET title = ?, author_id = "
                + "CASE WHEN ? THEN ? ELSE author_id END, version = version + 1\nWHERE id = ? AND version = ?");
        assertThat(WriteStatements.update(BOOKS, sets.subList(0, 1), null))
                .isEqualTo("UPDATE books\nSET title = ?\nWHERE id = ?");
    }

    @Test
    void deleteCountAndTheVersionsReadBackAreByKey() {
        assertThat(WriteStatements.delete(ORDERS, null)).isEqualTo("DELETE FROM sales.orders\nWHERE id = ?");
        assertThat(WriteStatements.delete(BOOKS, "version")).isEqualTo("DELETE FROM books\nWHERE id = ? AND version = ?");
        assertThat(WriteStatements.count(ORDERS)).isEqualTo("SELECT count(*)\nFROM sales.orders");
        assertThat(WriteStatements.currentVersion(BOOKS, "version"))
                .isEqualTo("SELECT version\nFROM books\nWHERE id = ?");
    }

    @Test
    void linkWritesARowThatIsNotThereAndUnlinkDeletesIt() {
        RelationShape labels = RelationShape.joinTable("labels", "id", "id", "tracker", "issue_labels", "issue_id",
                "label_id", List.of(new OrderTerm("id", false)));
        assertThat(WriteStatements.link(labels)).isEqualTo("INSERT INTO tracker.issue_labels (issue_id, label_id)"
                + "\nSELECT link.issue_id, link.label_id"
                + "\nFROM (VALUES (?, ?)) AS link (issue_id, label_id)"
                + "\nWHERE NOT EXISTS (SELECT 1 FROM tracker.issue_labels AS lp_row WHERE lp_row.issue_id = "
                + "link.issue_id AND lp_row.label_id = link.label_id)");
        assertThat(WriteStatements.unlink(labels))
                .isEqualTo("DELETE FROM tracker.issue_labels\nWHERE issue_id = ? AND label_id = ?");
    }
}
