package dev.loadplan;

/**
 * One way the database differs from what generated code expects.
 *
 * @param entity the entity's simple name, or {@code PostgreSQL} when the server itself is too old
 * @param field the field, or null when the mismatch is about a whole statement or table
 * @param column the column as {@code table.column}, or the statement's constant as {@code AuthorLoader.PLAIN}
 * @param problem what is wrong, in the database's words where it has them
 */
public record SchemaMismatch(String entity, String field, String column, String problem) {

    @Override
    public String toString() {
        return (field == null ? entity : entity + "." + field) + " (" + column + "): " + problem;
    }
}
