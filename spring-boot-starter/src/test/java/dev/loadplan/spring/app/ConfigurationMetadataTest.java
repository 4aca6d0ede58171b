package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * IDEs complete {@code loadplan.snapshot-check}, {@code loadplan.tracing.enabled} and
 * {@code loadplan.observation.enabled} from the metadata the configuration processor wrote into the jar.
 */
class ConfigurationMetadataTest {

    private String metadata() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSnapshotCheckPropertyIsDescribedWithItsDefault() throws IOException {
        assertThat(metadata()).contains("\"name\": \"loadplan.snapshot-check\"", "\"type\": \"dev.loadplan.SnapshotCheck\"",
                "\"defaultValue\": \"warn\"");
    }

    @Test
    void thePoolerCheckPropertyIsDescribedWithItsDefault() throws IOException {
        assertThat(metadata()).containsPattern("\"name\": \"loadplan.pooler-check\",\\s+\"type\": "
                + "\"dev.loadplan.PoolerCheck\",\\s+\"description\": \"What a load or a write does on a connection "
                + "that goes through a pooler[^\"]*\",\\s+\"sourceType\": \"dev.loadplan.spring.LoadPlanProperties\","
                + "\\s+\"defaultValue\": \"warn\"");
    }

    @Test
    void theTracingPropertyIsDescribedWithItsDefault() throws IOException {
        assertThat(metadata()).containsPattern("\"name\": \"loadplan.tracing.enabled\",\\s+\"type\": \"java.lang.Boolean\","
                + "\\s+\"description\": \"Whether the starter's Jdbi traces[^\"]*\",\\s+\"sourceType\": "
                + "\"dev.loadplan.spring.LoadPlanProperties\\$Tracing\",\\s+\"defaultValue\": true");
    }

    @Test
    void theObservationPropertyIsDescribedWithItsDefault() throws IOException {
        assertThat(metadata()).containsPattern("\"name\": \"loadplan.observation.enabled\",\\s+\"type\": "
                + "\"java.lang.Boolean\",\\s+\"description\": \"Whether the starter's Jdbi makes a Micrometer "
                + "observation[^\"]*\",\\s+\"sourceType\": \"dev.loadplan.spring.LoadPlanProperties\\$Observation\","
                + "\\s+\"defaultValue\": true");
    }
}
