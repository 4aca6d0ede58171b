package dev.loadplan.it;

import static dev.loadplan.it.support.StrategyCheck.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoaderPlan;
import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.records.RecordAuthor;
import dev.loadplan.it.records.RecordAuthorDao;
import dev.loadplan.it.records.RecordAuthorLoader;
import dev.loadplan.it.records.RecordBook;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Records as entities: immutable graphs, built children first, with every strategy. */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class RecordEntitiesTest {

    private static final List<Object> EXPECTED = List.of(
            List.of(1L, "Ann", List.of(List.of(10L, "Ann 1"), List.of(12L, "Ann 2"), List.of(13L, "Ann 3"))),
            List.of(2L, "Bob", List.of()),
            List.of(3L, "Cid", List.of(List.of(11L, "Cid 1"))));

    @BeforeAll
    static void data(Jdbi jdbi) {
        LibraryData.small(jdbi);
    }

    @ParameterizedTest
    @EnumSource(names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "LAZY", "IMMEDIATE"})
    void everyStrategyBuildsTheSameImmutableGraph(Strategy strategy, Jdbi jdbi, StatementCounter counter) {
        LoaderPlan<RecordAuthor, ?> plan = switch (strategy) {
            case JOINED -> RecordAuthorLoader.withBooksJoined();
            case NESTED -> RecordAuthorLoader.withBooksNested();
            case SELECT_IN -> RecordAuthorLoader.withBooksSelectIn();
            case SUBQUERY -> RecordAuthorLoader.withBooksSubquery();
            case LAZY -> RecordAuthorLoader.withBooksLazy();
            default -> RecordAuthorLoader.withBooksImmediate();
        };
        // IMMEDIATE and LAZY: the authors, then one statement per author (3).
        int statements = switch (strategy) {
            case JOINED, NESTED -> 1;
            case SELECT_IN, SUBQUERY -> 2;
            default -> 4;
        };
        check(jdbi, counter, strategy, plan, statements, RecordEntitiesTest::values, EXPECTED);
    }

    @Test
    void loadedCollectionsCannotChange(Jdbi jdbi) {
        RecordAuthor ann = RecordAuthorLoader.withBooksSelectIn().list(jdbi).get(0);

        assertThatThrownBy(() -> ann.books().add(new RecordBook(99, "x", 1L)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unloadedAndNoLoadCollectionsKeepTheirMeaningInARecord(Jdbi jdbi, StatementCounter counter) {
        RecordAuthor raised = RecordAuthorLoader.plain().list(jdbi).get(0);
        RecordAuthor noLoad = RecordAuthorLoader.withBooksNoLoad().list(jdbi).get(0);

        assertThat(counter.count()).isEqualTo(2);
        assertThatThrownBy(() -> raised.books().size()).isInstanceOf(RelationshipNotLoadedException.class)
                .hasMessageContaining("RecordAuthor.books was not loaded");
        assertThat(noLoad.books()).isEmpty();
    }

    @Test
    void theDaoReturnsAnInsertedRecordHoldingItsKey(Jdbi jdbi) {
        RecordAuthor dan = RecordAuthorDao.on(jdbi).insert(new RecordAuthor(0, "Dan", List.of()));
        long id = dan.id();

        assertThat(id).isPositive();
        assertThat(dan.name()).isEqualTo("Dan");
        assertThat(RecordAuthorDao.on(jdbi).findById(id)).get().extracting(RecordAuthor::name).isEqualTo("Dan");
        assertThat(RecordAuthorDao.on(jdbi).update(new RecordAuthor(id, "Daniel", List.of()))).isTrue();
        assertThat(RecordAuthorDao.on(jdbi).findById(id)).get().extracting(RecordAuthor::name).isEqualTo("Daniel");
        assertThat(RecordAuthorDao.on(jdbi).delete(id)).isTrue();
    }

    private static List<Object> values(List<RecordAuthor> authors) {
        return authors.stream().<Object>map(author -> List.of(author.id(), author.name(),
                author.books().stream().map(book -> List.of(book.id(), book.title())).toList())).toList();
    }
}
