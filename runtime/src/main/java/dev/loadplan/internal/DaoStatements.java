package dev.loadplan.internal;

import java.util.Objects;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The statements a generated DAO runs, for {@code EntityDao} to run them, described by name rather than by position:
 *
 * <pre>{@code
 * DaoStatements.of("Author").insert(INSERT).update(UPDATE).delete(DELETE).count(COUNT)
 *         .generatedKey("id", FirstColumn.LONG)
 *         .versioned(DELETE_VERSION, CURRENT_VERSION)
 * }</pre>
 *
 * An entity whose columns are all its key has no update; one whose key the application assigns no generated key; one
 * without {@code @Version} no versioned statements. Immutable: each call returns a new description.
 */
public final class DaoStatements {

    private final String entityName;
    // Not final only so that each method can change its own copy: a description is never changed once returned.
    private String insert;
    private String update;
    private String delete;
    private String count;
    private String keyColumn;
    private RowMapper<?> generatedKey;
    private String deleteVersion;
    private String currentVersion;

    private DaoStatements(String entityName) {
        this.entityName = Objects.requireNonNull(entityName, "entityName");
    }

    /** {@return the statements of entity {@code entityName} (its simple name, for messages), none yet} */
    public static DaoStatements of(String entityName) {
        return new DaoStatements(entityName);
    }

    /** {@return these statements, with {@code sql} inserting one row} */
    public DaoStatements insert(String sql) {
        DaoStatements statements = copy();
        statements.insert = sql;
        return statements;
    }

    /** {@return these statements, with {@code sql} updating one row by key (and version)} */
    public DaoStatements update(String sql) {
        DaoStatements statements = copy();
        statements.update = sql;
        return statements;
    }

    /** {@return these statements, with {@code sql} deleting one row by key, whatever its version} */
    public DaoStatements delete(String sql) {
        DaoStatements statements = copy();
        statements.delete = sql;
        return statements;
    }

    /** {@return these statements, with {@code sql} counting the table's rows} */
    public DaoStatements count(String sql) {
        DaoStatements statements = copy();
        statements.count = sql;
        return statements;
    }

    /**
     * {@return these statements, whose insert returns the key the database assigns in {@code keyColumn}, read by
     * {@code reader}}
     */
    public DaoStatements generatedKey(String keyColumn, RowMapper<?> reader) {
        DaoStatements statements = copy();
        statements.keyColumn = Objects.requireNonNull(keyColumn, "keyColumn");
        statements.generatedKey = Objects.requireNonNull(reader, "reader");
        return statements;
    }

    /**
     * {@return these statements of a {@code @Version} entity: {@code deleteVersion} deletes a row by key only at the
     * version bound after it, {@code currentVersion} reads a row's version by key, to say why an update or a delete
     * found no row at its version}
     */
    public DaoStatements versioned(String deleteVersion, String currentVersion) {
        DaoStatements statements = copy();
        statements.deleteVersion = Objects.requireNonNull(deleteVersion, "deleteVersion");
        statements.currentVersion = Objects.requireNonNull(currentVersion, "currentVersion");
        return statements;
    }

    /** The one place every statement is listed, so that a new one is added here and in its method. */
    private DaoStatements copy() {
        DaoStatements statements = new DaoStatements(entityName);
        statements.insert = insert;
        statements.update = update;
        statements.delete = delete;
        statements.count = count;
        statements.keyColumn = keyColumn;
        statements.generatedKey = generatedKey;
        statements.deleteVersion = deleteVersion;
        statements.currentVersion = currentVersion;
        return statements;
    }

    /** {@return the entity's simple name, for messages} */
    public String entityName() {
        return entityName;
    }

    /** {@return the insert of one row} */
    public String insert() {
        return insert;
    }

    /** {@return the update of one row; null when every column is the key} */
    public String update() {
        return update;
    }

    /** {@return the delete of one row by key} */
    public String delete() {
        return delete;
    }

    /** {@return the count of the table's rows} */
    public String count() {
        return count;
    }

    /** {@return the column whose value an insert returns when the database assigns the key; null otherwise} */
    public String keyColumn() {
        return keyColumn;
    }

    /** {@return what reads the key an insert returns; null when the application assigns keys} */
    public RowMapper<?> generatedKey() {
        return generatedKey;
    }

    /** {@return the delete of one row at the version bound after its key; null without {@code @Version}} */
    public String deleteVersion() {
        return deleteVersion;
    }

    /** {@return the read of one row's version by key; null without {@code @Version}} */
    public String currentVersion() {
        return currentVersion;
    }
}
