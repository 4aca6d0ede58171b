package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.SnapshotCheck;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** By default ({@code loadplan.snapshot-check=warn}) such a plan runs, and its shape is warned of once. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class DefaultSnapshotTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.register(registry, DefaultSnapshotTest.class);
    }

    @Autowired
    LibraryService service;
    @Autowired
    Jdbi jdbi;

    @Test
    void aSubqueryPlanInADefaultTransactionRunsAndWarnsOnce(CapturedOutput output) {
        assertThat(jdbi.getConfig(LoadPlanConfig.class).getSnapshotCheck()).isEqualTo(SnapshotCheck.WARN);
        service.insertAuthorWithBook("Le Guin", "The Dispossessed");

        // A shape no other test loads in a transaction: the warning is once per shape, in the whole JVM.
        for (int i = 0; i < 3; i++) {
            List<Author> authors = service.readCommitted(() -> AuthorLoader.withBooksSubquery().list(jdbi));
            assertThat(authors).singleElement().satisfies(author -> assertThat(author.books).hasSize(1));
        }

        String warning = "Author's plan (Author.books SUBQUERY) runs its statements in your transaction at READ "
                + "COMMITTED";
        assertThat(output.getOut().split(java.util.regex.Pattern.quote(warning), -1)).as("warnings of the shape")
                .hasSize(2);
    }
}
