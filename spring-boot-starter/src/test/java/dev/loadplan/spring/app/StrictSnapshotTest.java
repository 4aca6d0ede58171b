package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.LoadPlanException;
import dev.loadplan.PoolerCheck;
import dev.loadplan.SnapshotCheck;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code loadplan.snapshot-check=fail}: a plan of several statements refuses to run in a READ COMMITTED transaction,
 * where each statement would read its own snapshot, and runs at REPEATABLE READ, in one snapshot. With
 * {@code loadplan.pooler-check=fail} too, which finds Boot's pool's connections direct (the driver under HikariCP's
 * proxy answers for the server process it was given) and lets every load run.
 */
@SpringBootTest(properties = {"loadplan.snapshot-check=fail", "loadplan.pooler-check=fail"})
class StrictSnapshotTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.register(registry, StrictSnapshotTest.class);
    }

    @Autowired
    LibraryService service;
    @Autowired
    Jdbi jdbi;
    @Autowired
    JdbcTemplate jdbcTemplate;

    @BeforeEach
    void data() {
        jdbcTemplate.execute("TRUNCATE books, authors");
        service.insertAuthorWithBook("Le Guin", "The Dispossessed");
    }

    @Test
    void thePropertyIsTheJdbisSetting() {
        assertThat(jdbi.getConfig(LoadPlanConfig.class).getSnapshotCheck()).isEqualTo(SnapshotCheck.FAIL);
        assertThat(jdbi.getConfig(LoadPlanConfig.class).getPoolerCheck()).isEqualTo(PoolerCheck.FAIL);
    }

    @Test
    void aSelectInPlanInADefaultTransactionIsRefused() {
        assertThatThrownBy(() -> service.readCommitted(() -> AuthorLoader.withBooksSelectIn().list(jdbi)))
                .isInstanceOf(LoadPlanException.class)
                .hasMessageContaining("READ COMMITTED")
                .hasMessageContaining("Isolation.REPEATABLE_READ");
    }

    @Test
    void theSamePlanAtRepeatableReadRuns() {
        List<Author> authors = service.repeatableRead(() -> AuthorLoader.withBooksSelectIn().list(jdbi));

        assertThat(authors).singleElement().satisfies(author -> assertThat(author.books).hasSize(1));
    }

    @Test
    void aOneStatementPlanRunsAtReadCommitted() {
        List<Author> authors = service.readCommitted(() -> AuthorLoader.withBooksJoined().list(jdbi));

        assertThat(authors).singleElement().satisfies(author -> assertThat(author.books).hasSize(1));
    }

    @Test
    void outsideATransactionThePlanOpensItsOwnAtRepeatableRead() {
        assertThat(service.authorsWithBooks()).hasSize(1);
    }
}
