package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.records.RecordAuthor;
import dev.loadplan.it.records.RecordAuthorDao;
import dev.loadplan.it.records.RecordAuthorLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records are values: a record whose relationship was not loaded still compares and hashes, without a statement
 * and without raising, while reading the relationship still raises.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class RecordValuesTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        LibraryData.small(jdbi);
    }

    @Test
    void recordsLoadedPlainTwiceAreEqualAndHashAlike(Jdbi jdbi, StatementCounter counter) {
        List<RecordAuthor> first = RecordAuthorLoader.plain().list(jdbi);
        List<RecordAuthor> again = RecordAuthorLoader.plain().list(jdbi);
        counter.reset();

        assertEquals(first, again);
        assertEquals(first.get(0).hashCode(), again.get(0).hashCode());
        Set<RecordAuthor> set = new HashSet<>(first);
        set.addAll(again);
        assertThat(set).hasSize(3).containsAll(again);
        assertNotEquals(first.get(0), first.get(1));
        assertThat(counter.count()).isZero();
        assertThatThrownBy(() -> again.get(0).books().size()).isInstanceOf(RelationshipNotLoadedException.class);
        assertThatThrownBy(() -> again.get(0).books().iterator().next())
                .isInstanceOf(RelationshipNotLoadedException.class);
    }

    @Test
    void recordsFoundByTheDaoAreEqualToThoseOfPlainAndServeAsMapKeys(Jdbi jdbi, StatementCounter counter) {
        RecordAuthor found = RecordAuthorDao.on(jdbi).findById(1L).orElseThrow();
        RecordAuthor foundAgain = RecordAuthorDao.on(jdbi).findById(1L).orElseThrow();
        RecordAuthor listed = RecordAuthorLoader.plain().list(jdbi).get(0);
        counter.reset();

        assertEquals(found, foundAgain);
        assertEquals(found, listed);
        Map<RecordAuthor, String> byAuthor = new HashMap<>();
        byAuthor.put(found, "Ann");
        assertThat(byAuthor.get(foundAgain)).isEqualTo("Ann");
        assertThat(counter.count()).isZero();
        assertThatThrownBy(() -> found.books().get(0)).isInstanceOf(RelationshipNotLoadedException.class);
    }

    @Test
    void aRecordWithItsListUnloadedDiffersFromOneWithItLoaded(Jdbi jdbi, StatementCounter counter) {
        RecordAuthor unloaded = RecordAuthorLoader.plain().list(jdbi).get(0);
        RecordAuthor loaded = RecordAuthorLoader.withBooksSelectIn().list(jdbi).get(0);
        RecordAuthor bobUnloaded = RecordAuthorLoader.plain().list(jdbi).get(1);
        RecordAuthor bobLoaded = RecordAuthorLoader.withBooksJoined().list(jdbi).get(1);
        counter.reset();

        assertNotEquals(unloaded, loaded);
        assertNotEquals(loaded, unloaded);
        // Bob has no books: an unloaded list is not the empty list either.
        assertNotEquals(bobUnloaded, bobLoaded);
        assertNotEquals(bobLoaded, bobUnloaded);
        assertThat(new HashSet<>(List.of(unloaded, loaded, bobUnloaded, bobLoaded))).hasSize(4);
        assertThat(counter.count()).isZero();
    }

    @Test
    void recordsLoadedByDifferentStrategiesAreEqual(Jdbi jdbi, StatementCounter counter) {
        List<RecordAuthor> selectIn = RecordAuthorLoader.withBooksSelectIn().list(jdbi);
        List<RecordAuthor> joined = RecordAuthorLoader.withBooksJoined().list(jdbi);
        counter.reset();

        assertEquals(selectIn, joined);
        assertThat(new HashSet<>(selectIn)).isEqualTo(new HashSet<>(joined));
        assertThat(counter.count()).isZero();
    }

    @Test
    void unloadedListsEqualEachOtherAndNoLoadedList(Jdbi jdbi, StatementCounter counter) {
        List<RecordAuthor> plain = RecordAuthorLoader.plain().list(jdbi);
        List<RecordAuthor> loaded = RecordAuthorLoader.withBooksSelectIn().list(jdbi);
        counter.reset();
        List<?> annBooks = plain.get(0).books();
        List<?> bobBooks = plain.get(1).books();

        assertThat(annBooks.equals(bobBooks)).isTrue();
        assertThat(annBooks.hashCode()).isEqualTo(bobBooks.hashCode());
        assertThat(annBooks.equals(List.of())).isFalse();
        assertThat(annBooks.equals(new ArrayList<>(List.of("x")))).isFalse();
        assertThat(annBooks.equals(loaded.get(0).books())).isFalse();
        assertThat(loaded.get(0).books().equals(annBooks)).isFalse();
        assertThat(loaded.get(1).books().equals(bobBooks)).isFalse();
        assertThat(counter.count()).isZero();
    }

    /**
     * A list from elsewhere cannot compare itself with an unloaded one without reading it: {@code List.equals}
     * iterates the other list, and an unloaded list has nothing to give. It raises, as any read of it does.
     */
    @Test
    void aListFromElsewhereReadsAnUnloadedListWhenItComparesAndRaises(Jdbi jdbi) {
        List<?> unloaded = RecordAuthorLoader.plain().list(jdbi).get(0).books();

        assertThatThrownBy(() -> new ArrayList<>().equals(unloaded))
                .isInstanceOf(RelationshipNotLoadedException.class);
        assertThatThrownBy(() -> List.of().equals(unloaded)).isInstanceOf(RelationshipNotLoadedException.class);
    }
}
