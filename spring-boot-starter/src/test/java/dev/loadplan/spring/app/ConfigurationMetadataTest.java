package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** IDEs complete {@code loadplan.snapshot-check} from the metadata the configuration processor wrote into the jar. */
class ConfigurationMetadataTest {

    @Test
    void theSnapshotCheckPropertyIsDescribedWithItsDefault() throws IOException {
        String metadata;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(metadata).contains("\"name\": \"loadplan.snapshot-check\"", "\"type\": \"dev.loadplan.SnapshotCheck\"",
                "\"defaultValue\": \"warn\"");
    }
}
