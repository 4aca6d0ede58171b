package dev.loadplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The rule by which {@link SchemaCheck} refuses a server older than loadplan needs; integration tests run it on real
 * servers (PostgreSQL 13, refused, and the supported ones).
 */
class SchemaCheckServerTest {

    @Test
    void aServerOlderThanFourteenIsAMismatchNamingBothVersions() {
        assertThat(SchemaCheck.serverMismatch(13, "13.22")).hasValueSatisfying(mismatch -> {
            assertThat(mismatch.entity()).isEqualTo("PostgreSQL");
            assertThat(mismatch.toString()).isEqualTo("PostgreSQL (server_version): the server is PostgreSQL 13.22, "
                    + "but loadplan needs PostgreSQL 14 or newer (a recursive statement's CYCLE clause, for one): "
                    + "upgrade the server");
        });
    }

    @Test
    void fourteenAndNewerPass() {
        assertThat(SchemaCheck.serverMismatch(14, "14.0")).isEmpty();
        assertThat(SchemaCheck.serverMismatch(17, "17.11")).isEmpty();
    }
}
