package dev.loadplan.internal;

import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The statements a generated DAO runs, for {@code EntityDao} to run them.
 *
 * @param entityName the entity's simple name, for messages
 * @param keyColumn the primary key column, whose value an insert returns when the database assigns it
 * @param generatedKey reads the key an insert returns; null when the application assigns keys
 * @param deleteVersion deletes a row by key only at the version bound after it; null when the entity has no
 *     {@code @Version}
 * @param currentVersion reads a row's version by key, to say why an update or a delete found no row at its version;
 *     null when the entity has no {@code @Version}
 */
public record DaoStatements(String entityName, String insert, String update, String delete, String deleteVersion,
        String count, String keyColumn, RowMapper<?> generatedKey, String currentVersion) {
}
