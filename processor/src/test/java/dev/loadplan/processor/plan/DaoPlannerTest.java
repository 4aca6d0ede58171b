package dev.loadplan.processor.plan;

import static dev.loadplan.processor.plan.Models.column;
import static dev.loadplan.processor.plan.Models.entity;
import static dev.loadplan.processor.plan.Models.foreignKey;
import static dev.loadplan.processor.plan.Models.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.loadplan.planner.sql.WriteStatements.ColumnWrite;
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
                        SET title = ?, author_id = CASE WHEN ? THEN ? ELSE author_id END
                        WHERE id = ?"""),
                entry("DELETE", """
                        DELETE FROM books
                        WHERE id = ?"""),
                entry("COUNT", """
                        SELECT count(*)
                        FROM books"""));
        assertThat(DaoPlanner.insertColumns(book)).containsExactly(1, 2);
        // The foreign key only a relationship holds is written only when the relationship holds what it points at.
        assertThat(DaoPlanner.updateColumns(book)).containsExactly(
                new DaoPlanner.UpdateColumn(1, ColumnWrite.VALUE),
                new DaoPlanner.UpdateColumn(2, ColumnWrite.IF_HELD));
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

    @Test
    void aVersionedEntityUpdatesAndDeletesOnlyTheRowAtItsVersionAndCanSayWhy() {
        EntityModel title = entity("Title", "title", List.of(id("id", ScalarType.LONG, true),
                column("name", ScalarType.STRING), version("version", ScalarType.INT)));

        assertThat(statements(title)).containsEntry("INSERT", """
                INSERT INTO title (name, version)
                VALUES (?, ?)
                RETURNING id""").containsEntry("UPDATE", """
                UPDATE title
                SET name = ?, version = version + 1
                WHERE id = ? AND version = ?""").containsEntry("DELETE_VERSION", """
                DELETE FROM title
                WHERE id = ? AND version = ?""").containsEntry("DELETE", """
                DELETE FROM title
                WHERE id = ?""").containsEntry("CURRENT_VERSION", """
                SELECT version
                FROM title
                WHERE id = ?""");
    }

    private static dev.loadplan.processor.model.ColumnModel version(String name, ScalarType type) {
        return new dev.loadplan.processor.model.ColumnModel(name, name, type, com.palantir.javapoet.TypeName.INT,
                false, false, dev.loadplan.processor.model.Accessor.direct(name), true);
    }

    private static Map<String, String> statements(EntityModel entity) {
        Map<String, String> statements = new LinkedHashMap<>();
        for (StatementConstant statement : DaoPlanner.statements(entity)) {
            statements.put(statement.name(), statement.sql());
        }
        return statements;
    }
}
