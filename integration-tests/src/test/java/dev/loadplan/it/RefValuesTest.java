package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.loadplan.Ref;
import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.it.mixed.Novel;
import dev.loadplan.it.mixed.NovelDao;
import dev.loadplan.it.mixed.NovelLoader;
import dev.loadplan.it.mixed.Writer;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.HashSet;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code Ref} is a value as the record holding it is: loaded references compare as the entities they hold,
 * whichever plan loaded them, so records holding them compare, hash and serve as keys as records with lists do.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/mixed.sql")
class RefValuesTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into writer (id, name) values (1, 'Woolf'), (2, 'Mann')");
            handle.execute("insert into novel (id, writer_id, title) values (1, 1, 'Orlando'), (2, 1, 'Waves'), "
                    + "(3, 2, 'Zauberberg'), (4, null, 'Anonymous')");
        });
    }

    @Test
    void recordsWhoseReferencesWereLoadedByAnyStrategyAreEqual(Jdbi jdbi, StatementCounter counter) {
        List<Novel> joined = NovelLoader.withWriterJoined().list(jdbi);
        List<Novel> selectIn = NovelLoader.withWriterSelectIn().list(jdbi);
        List<Novel> nested = NovelLoader.withWriterNested().list(jdbi);
        counter.reset();

        assertEquals(joined, selectIn);
        assertEquals(selectIn, nested);
        assertThat(joined.get(0).writer()).isNotSameAs(selectIn.get(0).writer());
        assertEquals(joined.get(0).hashCode(), selectIn.get(0).hashCode());
        assertThat(new HashSet<>(joined)).isEqualTo(new HashSet<>(selectIn));
        assertNotEquals(joined.get(0), joined.get(1));
        assertThat(counter.count()).isZero();
    }

    @Test
    void aLazyReferenceComparesAsWhatItLoads(Jdbi jdbi, StatementCounter counter) {
        Novel joined = NovelLoader.withWriterJoined().list(jdbi).get(0);
        Novel lazy = NovelLoader.withWriterLazy().list(jdbi).get(0);
        counter.reset();

        assertThat(lazy.writer().isLoaded()).isFalse();
        assertEquals(joined, lazy);
        assertThat(lazy.writer().isLoaded()).isTrue();
        assertThat(counter.count()).isEqualTo(1);
    }

    @Test
    void emptyAndUnloadedReferences(Jdbi jdbi, StatementCounter counter) {
        Novel anonymousJoined = NovelLoader.withWriterJoined().list(jdbi).get(3);
        Novel anonymousSelectIn = NovelLoader.withWriterSelectIn().list(jdbi).get(3);
        Novel unloaded = NovelLoader.plain().list(jdbi).get(3);
        Novel foundByDao = NovelDao.on(jdbi).findById(4L).orElseThrow();
        counter.reset();

        assertThat(anonymousJoined.writer()).isEqualTo(Ref.empty());
        assertEquals(anonymousJoined, anonymousSelectIn);
        // Not loaded is not "no writer": one says the writer is unknown, the other that there is none.
        assertNotEquals(anonymousJoined, unloaded);
        assertNotEquals(unloaded, anonymousJoined);
        assertEquals(unloaded, foundByDao);
        assertEquals(unloaded.hashCode(), foundByDao.hashCode());
        assertThat(counter.count()).isZero();
        assertThatThrownBy(() -> unloaded.writer().get()).isInstanceOf(RelationshipNotLoadedException.class);
    }

    @Test
    void referencesMadeByTheApplicationCompareByTheirEntity() {
        Writer woolf = new Writer(1, "Woolf", List.of());
        assertEquals(Ref.of(woolf), Ref.of(new Writer(1, "Woolf", List.of())));
        assertEquals(Ref.of(woolf).hashCode(), woolf.hashCode());
        assertNotEquals(Ref.of(woolf), Ref.of(new Writer(2, "Mann", List.of())));
        assertEquals(Ref.<Writer>of(null), Ref.empty());
        assertNotEquals(Ref.of(woolf), Ref.notLoaded("Novel.writer", "withWriterJoined()"));
        assertEquals(Ref.lazy(() -> woolf), Ref.of(woolf));
    }
}
