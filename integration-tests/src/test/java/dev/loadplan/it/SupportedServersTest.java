package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.SchemaCheck;
import dev.loadplan.SchemaDriftException;
import dev.loadplan.SchemaMismatch;
import dev.loadplan.it.shop.NodeLoader;
import dev.loadplan.it.shop.UserLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostgreSQL releases loadplan runs on: the tests' server is the release the build asks for (CI runs them on
 * 17, the default, and on 14, the oldest supported), and {@link SchemaCheck} refuses a real PostgreSQL 13.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/shop.sql")
class SupportedServersTest {

    @Test
    void theTestsRunOnTheReleaseTheBuildAsksForAndItIsSupported(Jdbi jdbi) {
        String binaries = System.getProperty("loadplan.postgresBinaries");
        assertThat(binaries).as("the system property loadplan.postgresBinaries, set by the pom").isNotBlank();
        int major = jdbi.withHandle(handle -> handle.createQuery("SELECT current_setting('server_version_num')::int")
                .mapTo(Integer.class).one()) / 10_000;

        assertThat(major).as("the server's major release, for binaries " + binaries)
                .isEqualTo(Integer.parseInt(binaries.substring(0, binaries.indexOf('.'))))
                .isGreaterThanOrEqualTo(SchemaCheck.OLDEST_SUPPORTED_POSTGRES);
        // NodeLoader's entry points include the recursive statement, the newest syntax loadplan runs.
        List<SchemaMismatch> mismatches =
                jdbi.withHandle(handle -> SchemaCheck.check(handle, NodeLoader.SCHEMA, UserLoader.SCHEMA));
        assertThat(mismatches).isEmpty();
    }

    @Test
    void schemaCheckRefusesPostgres13FirstAndByName() throws Exception {
        Path jar = Path.of(System.getProperty("loadplan.unsupportedPostgresJar", ""));
        assertThat(jar).as("PostgreSQL 13's binaries, copied by the pom").isRegularFile();
        byte[] binaries;
        try (JarFile file = new JarFile(jar.toFile())) {
            binaries = file.getInputStream(file.getJarEntry("postgres-linux-x86_64.txz")).readAllBytes();
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(binaries))
                .setServerConfig("fsync", "off")
                .start()) {
            Jdbi old = Jdbi.create(postgres.getPostgresDatabase());
            String shop = Files.readString(Path.of(SupportedServersTest.class.getResource("/schema/shop.sql").toURI()),
                    StandardCharsets.UTF_8);
            old.useHandle(handle -> handle.createScript(shop).execute());

            List<SchemaMismatch> mismatches = old.withHandle(handle -> SchemaCheck.check(handle, NodeLoader.SCHEMA));

            assertThat(mismatches).isNotEmpty();
            assertThat(mismatches.get(0).toString()).startsWith("PostgreSQL (server_version): the server is "
                    + "PostgreSQL 13.").contains("loadplan needs PostgreSQL 14 or newer");
            // What a user sees: the server first, then the statement it cannot parse.
            assertThatThrownBy(() -> SchemaCheck.verify(old, NodeLoader.SCHEMA))
                    .isInstanceOf(SchemaDriftException.class)
                    .hasMessageContaining("loadplan needs PostgreSQL 14 or newer")
                    .hasMessageContaining("CYCLE");
        }
    }
}
