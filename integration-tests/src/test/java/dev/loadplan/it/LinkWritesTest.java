package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.it.schemas.Issue;
import dev.loadplan.it.schemas.IssueDao;
import dev.loadplan.it.schemas.IssueLabel;
import dev.loadplan.it.schemas.IssueLabelDao;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A many-to-many's association rows written through the DAO of the entity declaring it ({@code linkLabels},
 * {@code unlinkLabels}), each read back from the table: one batch and one transaction a call, idempotent, in the
 * association table's schema ({@code tracker.issue_labels}, also from {@code "CRM"}'s labels).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/schemas.sql")
class LinkWritesTest {

    private Issue crash;
    private Issue typo;
    private IssueLabel bug;
    private IssueLabel docs;
    private IssueLabel perf;

    @BeforeEach
    void links(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("delete from tracker.issue_labels");
            handle.execute("insert into tracker.issue_labels (issue_id, label_id) values (1, 1), (1, 3), (2, 2)");
        });
        crash = IssueDao.on(jdbi).findById(1L).orElseThrow();
        typo = IssueDao.on(jdbi).findById(2L).orElseThrow();
        bug = IssueLabelDao.on(jdbi).findById(1L).orElseThrow();
        docs = IssueLabelDao.on(jdbi).findById(2L).orElseThrow();
        perf = IssueLabelDao.on(jdbi).findById(3L).orElseThrow();
    }

    @Test
    void linkingAddsTheRowsNotThereYetAndAgainAddsNone(Jdbi jdbi) {
        assertThat(IssueDao.on(jdbi).linkLabels(typo, List.of(bug, docs))).as("links added").isEqualTo(1);
        assertThat(IssueDao.on(jdbi).linkLabels(typo, List.of(bug, docs))).as("links added again").isZero();

        assertThat(rows(jdbi)).containsExactly("1-1", "1-3", "2-1", "2-2");
    }

    @Test
    void unlinkingRemovesTheRowsThereAndIgnoresTheOthers(Jdbi jdbi) {
        assertThat(IssueDao.on(jdbi).unlinkLabels(crash, List.of(bug, docs))).as("links removed").isEqualTo(1);

        assertThat(rows(jdbi)).containsExactly("1-3", "2-2");
    }

    @Test
    void theOtherSideWritesTheSameTableThroughTheSchemaItNames(Jdbi jdbi) {
        assertThat(IssueLabelDao.on(jdbi).linkIssues(perf, List.of(typo))).isEqualTo(1);
        assertThat(IssueLabelDao.on(jdbi).unlinkIssues(bug, List.of(crash))).isEqualTo(1);

        assertThat(rows(jdbi)).containsExactly("1-3", "2-2", "2-3");
        assertThat(IssueLabelDao.on(jdbi).linkIssues(perf, List.of())).as("nothing to link").isZero();
    }

    @Test
    void aFailedCallWritesNoneOfItsLinks(Jdbi jdbi) {
        IssueLabel ghost = new IssueLabel(999, "never stored", List.of());

        assertThatThrownBy(() -> IssueDao.on(jdbi).linkLabels(typo, List.of(perf, ghost)))
                .isInstanceOf(LoadPlanException.class)
                .hasMessageStartingWith("linkLabels of Issue 2 failed at link 1 of 2 (to 999); nothing of it is "
                        + "committed: ERROR: insert or update on table")
                .hasMessageContaining("issue_labels_label_id_fkey")
                .hasCauseInstanceOf(JdbiException.class);

        assertThat(rows(jdbi)).as("perf's link, written before the ghost's failed, rolled back")
                .containsExactly("1-1", "1-3", "2-2");
    }

    @Test
    void insideTheCallersTransactionTheLinksAreTheTransactions(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.begin();
            IssueDao.on(handle).linkLabels(typo, List.of(perf));
            handle.rollback();
        });

        assertThat(rows(jdbi)).as("rolled back with the caller's transaction").containsExactly("1-1", "1-3", "2-2");
    }

    @Test
    void aFailureInsideTheCallersTransactionSaysTheTransactionIsTheirs(Jdbi jdbi) {
        IssueLabel ghost = new IssueLabel(999, "never stored", List.of());
        jdbi.useHandle(handle -> {
            handle.begin();
            assertThatThrownBy(() -> IssueDao.on(handle).linkLabels(typo, List.of(ghost)))
                    .isInstanceOf(LoadPlanException.class)
                    .hasMessageStartingWith("linkLabels of Issue 2 failed at link 0 of 1 (to 999); nothing of it is "
                            + "committed yet: it ran in your transaction: ERROR:");
            handle.rollback();
        });

        assertThat(rows(jdbi)).containsExactly("1-1", "1-3", "2-2");
    }

    private static List<String> rows(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select issue_id || '-' || label_id from tracker.issue_labels order by issue_id, label_id")
                .mapTo(String.class).list());
    }
}
