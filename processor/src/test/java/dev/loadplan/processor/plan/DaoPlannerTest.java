package dev.loadplan.processor.plan;

import static dev.loadplan.processor.plan.Models.column;
import static dev.loadplan.processor.plan.Models.entity;
import static dev.loadplan.processor.plan.Models.foreignKey;
import static dev.loadplan.processor.plan.Models.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.ScalarType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DAO's fixed statements, as a table of constant to exact SQL. */
class DaoPlannerTest {

    @Test
    void entityWhoseKeyTheDatabaseAssigns() {
        EntityModel book = entity("Book", "books", List.of(id("id", ScalarType.LONG, true),
                column("title", ScalarType.STRING), foreignKey("author_id", ScalarType.LONG_BOX)));

        assertThat(statements(book)).containsExactly(
                entry("INSERT", """
                        INSERT INTO books (title, author_id)
                        VALUES (?, ?)
                        RETURNING id"""),
                entry("UPDATE", """
                        UPDATE books
                        SET title = ?, author_id = ?
                        WHERE id = ?"""),
                entry("DELETE", """
                        DELETE FROM books
                        WHERE id = ?"""),
                entry("COUNT", """
                        SELECT count(*)
                        FROM books"""));
        assertThat(DaoPlanner.insertColumns(book)).containsExactly(1, 2);
        assertThat(DaoPlanner.updateColumns(book)).containsExactly(1, 2);
    }

    @Test
    void entityWhoseKeyTheCallerAssignsInAReservedWordTable() {
        EntityModel user = entity("User", "user", List.of(id("id", ScalarType.UUID, false),
                column("name", ScalarType.STRING), column("order", ScalarType.INT)));

        assertThat(statements(user)).containsExactly(
                entry("INSERT", """
                        INSERT INTO "user" (id, name, "order")
                        VALUES (?, ?, ?)"""),
                entry("UPDATE", """
                        UPDATE "user"
                        SET name = ?, "order" = ?
                        WHERE id = ?"""),
                entry("DELETE", """
                        DELETE FROM "user"
                        WHERE id = ?"""),
                entry("COUNT", """
                        SELECT count(*)
                        FROM "user\""""));
        assertThat(DaoPlanner.insertColumns(user)).containsExactly(0, 1, 2);
    }

    @Test
    void entityWithOnlyItsKeyHasNoUpdate() {
        EntityModel tag = entity("Tag", "tags", List.of(id("name", ScalarType.STRING, false)));

        assertThat(statements(tag)).containsExactly(
                entry("INSERT", """
                        INSERT INTO tags (name)
                        VALUES (?)"""),
                entry("DELETE", """
                        DELETE FROM tags
                        WHERE name = ?"""),
                entry("COUNT", """
                        SELECT count(*)
                        FROM tags"""));
    }

    @Test
    void entityWithOnlyAGeneratedKeyInsertsDefaultValues() {
        EntityModel token = entity("Token", "tokens", List.of(id("id", ScalarType.LONG, true)));

        assertThat(statements(token)).containsEntry("INSERT", """
                INSERT INTO tokens
                DEFAULT VALUES
                RETURNING id""");
    }

    private static Map<String, String> statements(EntityModel entity) {
        Map<String, String> statements = new LinkedHashMap<>();
        for (StatementConstant statement : DaoPlanner.statements(entity)) {
            statements.put(statement.name(), statement.sql());
        }
        return statements;
    }
}
