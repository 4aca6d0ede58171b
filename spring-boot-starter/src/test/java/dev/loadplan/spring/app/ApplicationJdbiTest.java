package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.SnapshotCheck;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An application's own {@code Jdbi} bean wins: the starter adds none beside it. */
@SpringBootTest(properties = "loadplan.snapshot-check=fail")
class ApplicationJdbiTest {

    static final Jdbi[] MADE = new Jdbi[1];

    @TestConfiguration
    static class OwnJdbi {
        @Bean
        Jdbi applicationJdbi(DataSource dataSource) {
            MADE[0] = Jdbi.create(dataSource);
            return MADE[0];
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.register(registry, ApplicationJdbiTest.class);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Jdbi jdbi;

    @Test
    void theApplicationsJdbiIsTheOnlyOne() {
        assertThat(context.getBeansOfType(Jdbi.class)).containsOnlyKeys("applicationJdbi");
        assertThat(jdbi).isSameAs(MADE[0]);
        assertThat(jdbi.getConfig(LoadPlanConfig.class).getSnapshotCheck())
                .as("the property configures the starter's Jdbi, not the application's").isEqualTo(SnapshotCheck.WARN);
    }
}
