package dev.loadplan.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void theVersionGeneratedCodeIsStampedWithIsTheProjects() {
        assertThat(Version.CURRENT).as("Version.CURRENT; change it with the version in the poms")
                .isEqualTo(System.getProperty("loadplan.projectVersion"));
    }
}
