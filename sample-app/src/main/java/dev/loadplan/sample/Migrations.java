package dev.loadplan.sample;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates the schema with Flyway from {@code src/main/resources/db/migration}. Safe to run again and again:
 * Flyway applies each migration once per database and records it in {@code flyway_schema_history}. On a
 * non-empty schema that Flyway has never seen it stops with an error instead of touching anyone's tables.
 */
final class Migrations {

    private Migrations() {
    }

    /** Brings the database's schema up to date; returns a line saying what happened, for the output. */
    static String migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return result.migrationsExecuted == 0
                ? "up to date at version " + version
                : result.migrationsExecuted + " migration(s) applied, now at version " + version;
    }
}
