package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.OptimisticLockException;
import dev.loadplan.Ref;
import dev.loadplan.Strategy;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import dev.loadplan.it.writes.Editor;
import dev.loadplan.it.writes.EditorDao;
import dev.loadplan.it.writes.Feeling;
import dev.loadplan.it.writes.FeelingDao;
import dev.loadplan.it.writes.Memo;
import dev.loadplan.it.writes.MemoDao;
import dev.loadplan.it.writes.Pair;
import dev.loadplan.it.writes.PairDao;
import dev.loadplan.it.writes.Publisher;
import dev.loadplan.it.writes.PublisherLoader;
import dev.loadplan.it.writes.Series;
import dev.loadplan.it.writes.SeriesDao;
import dev.loadplan.it.writes.Title;
import dev.loadplan.it.writes.TitleAccess;
import dev.loadplan.it.writes.TitleDao;
import dev.loadplan.it.writes.TitleLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the generated DAOs write, each time read back from the table with plain SQL: a write changes only what the
 * caller set, binds every type with its SQL type on a plain {@code Jdbi}, and checks the version it read.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/writes.sql")
class WritesTest {

    private static final UUID ED = UUID.fromString("00000000-0000-0000-0000-00000000000e");
    private static final UUID EVE = UUID.fromString("00000000-0000-0000-0000-0000000000ee");

    private long penguin;
    private long vintage;
    private long title;

    @BeforeEach
    void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("truncate title, publisher, editor, series, feeling, memo, pair restart identity");
            penguin = handle.createQuery("insert into publisher (name) values ('Penguin') returning id")
                    .mapTo(Long.class).one();
            vintage = handle.createQuery("insert into publisher (name) values ('Vintage') returning id")
                    .mapTo(Long.class).one();
            handle.execute("insert into editor (id, name) values (?::uuid, 'Ed'), (?::uuid, 'Eve')", ED.toString(),
                    EVE.toString());
            handle.execute("insert into series (code, label) values ('classics', 'Classics'), ('noir', 'Noir')");
            title = handle.createQuery("insert into title (name, publisher_id, editor_id, series_code) "
                    + "values ('Dune', ?, ?::uuid, 'classics') returning id").bind(0, penguin).bind(1, ED.toString())
                    .mapTo(Long.class).one();
        });
    }

    @Test
    void updateKeepsEveryForeignKeyThatWasNotLoaded(Jdbi jdbi) {
        List<Function<Jdbi, Title>> loads = List.of(
                db -> TitleDao.on(db).findById(title).orElseThrow(),
                db -> TitleLoader.plain().findById(db, title).orElseThrow(),
                db -> TitleLoader.withPublisherNoLoad().withEditorNoLoad().findById(db, title).orElseThrow(),
                db -> TitleLoader.plain().defaultStrategy(Strategy.NO_LOAD).findById(db, title).orElseThrow(),
                db -> TitleLoader.withEditorLazy().findById(db, title).orElseThrow());
        int renamed = 0;
        for (Function<Jdbi, Title> load : loads) {
            Title loaded = load.apply(jdbi);
            TitleAccess.rename(loaded, "Dune " + ++renamed);

            assertThat(TitleDao.on(jdbi).update(loaded)).isTrue();

            assertThat(row(jdbi, title)).containsEntry("name", "Dune " + renamed)
                    .containsEntry("publisher_id", penguin).containsEntry("editor_id", ED)
                    .containsEntry("series_code", "classics");
        }
    }

    @Test
    void updateWritesTheForeignKeysTheCallerSet(Jdbi jdbi) {
        Title loaded = TitleLoader.withPublisherJoined().withEditorJoined().findById(jdbi, title).orElseThrow();
        assertThat(TitleAccess.publisher(loaded).id()).isEqualTo(penguin);
        Publisher other = PublisherLoader.plain().findById(jdbi, vintage).orElseThrow();

        TitleAccess.set(loaded, other, Ref.of(new Editor(EVE, "Eve")), "noir");
        TitleDao.on(jdbi).update(loaded);
        assertThat(row(jdbi, title)).containsEntry("publisher_id", vintage).containsEntry("editor_id", EVE)
                .containsEntry("series_code", "noir");

        // Clearing is explicit: an empty Ref, or the mapped column set to null. A plain reference set to null is
        // what an unloaded one looks like, so its column keeps its key.
        TitleAccess.set(loaded, null, Ref.empty(), null);
        TitleDao.on(jdbi).update(loaded);
        assertThat(row(jdbi, title)).containsEntry("publisher_id", vintage).containsEntry("editor_id", null)
                .containsEntry("series_code", null);
    }

    @Test
    void aNullUuidIsWrittenOnAPlainJdbi(Jdbi jdbi) {
        long id = FeelingDao.on(jdbi).insert(new Feeling(null, "no token yet", null));
        assertThat(row(jdbi, "feeling", id)).containsEntry("token", null).containsEntry("mood", null);

        Feeling changed = FeelingDao.on(jdbi).findById(id).orElseThrow();
        changed.token = ED;
        FeelingDao.on(jdbi).update(changed);
        assertThat(row(jdbi, "feeling", id)).containsEntry("token", ED);
        changed.token = null;
        FeelingDao.on(jdbi).update(changed);
        assertThat(row(jdbi, "feeling", id)).containsEntry("token", null);
    }

    @Test
    void anEnumOverAPostgresEnumTypeIsWrittenAndRead(Jdbi jdbi) {
        long id = FeelingDao.on(jdbi).insert(new Feeling(Feeling.Mood.HAPPY, null, null));
        assertThat(row(jdbi, "feeling", id)).containsEntry("mood", "HAPPY");

        Feeling changed = FeelingDao.on(jdbi).findById(id).orElseThrow();
        assertThat(changed.mood).isEqualTo(Feeling.Mood.HAPPY);
        changed.mood = Feeling.Mood.SAD;
        FeelingDao.on(jdbi).update(changed);
        assertThat(row(jdbi, "feeling", id)).containsEntry("mood", "SAD");
        changed.mood = null;
        FeelingDao.on(jdbi).update(changed);
        assertThat(row(jdbi, "feeling", id)).containsEntry("mood", null);
    }

    @Test
    void uuidAndTextKeysAreAssignedByTheApplication(Jdbi jdbi) {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000123");
        EditorDao.on(jdbi).insert(new Editor(id, "Ida"));
        SeriesDao.on(jdbi).insert(new Series("poetry", "Poetry"));

        assertThat(EditorDao.on(jdbi).findById(id)).isPresent();
        String label = jdbi.withHandle(handle -> handle.createQuery("select label from series where code = 'poetry'")
                .mapTo(String.class).one());
        assertThat(label).isEqualTo("Poetry");
        assertThat(EditorDao.on(jdbi).delete(id)).isTrue();
        assertThat(EditorDao.on(jdbi).findById(id)).isEmpty();
    }

    @Test
    void uuidKeysLoadOnAPlainJdbiWithEveryStrategy(Jdbi jdbi) {
        for (TitleLoader.Plan plan : List.of(TitleLoader.withEditorJoined(), TitleLoader.withEditorSelectIn(),
                TitleLoader.withEditorSubquery(), TitleLoader.withEditorImmediate(), TitleLoader.withEditorLazy())) {
            try (Handle handle = jdbi.open()) {
                Title loaded = plan.list(handle).get(0);
                assertThat(TitleAccess.editorName(loaded)).as("%s", plan).isEqualTo("Ed");
            }
        }
    }

    @Test
    void aRecordsInsertAndUpdateReturnTheRecordAsStored(Jdbi jdbi) {
        Memo memo = MemoDao.on(jdbi).insert(new Memo(0, "remember", 0));

        assertThat(memo.id()).isPositive();
        assertThat(row(jdbi, "memo", memo.id())).containsEntry("text", "remember").containsEntry("version", 0L);

        Memo updated = MemoDao.on(jdbi).update(new Memo(memo.id(), "remembered", memo.version()));
        assertThat(updated).isEqualTo(new Memo(memo.id(), "remembered", 1));
        assertThat(row(jdbi, "memo", memo.id())).containsEntry("text", "remembered").containsEntry("version", 1L);
    }

    /** Under Eclipse's compiler too, where a record's fields come sorted by name: subtitle before title. */
    @Test
    void aRecordsColumnsOfOneTypeKeepTheirPlacesThroughInsertLoadAndUpdate(Jdbi jdbi) {
        Pair inserted = PairDao.on(jdbi).insert(new Pair(0, "the title", "the subtitle"));
        assertThat(row(jdbi, "pair", inserted.id())).containsEntry("title", "the title")
                .containsEntry("subtitle", "the subtitle");

        Pair loaded = PairDao.on(jdbi).findById(inserted.id()).orElseThrow();
        assertThat(loaded).isEqualTo(new Pair(inserted.id(), "the title", "the subtitle"));

        assertThat(PairDao.on(jdbi).update(loaded)).isTrue();
        assertThat(row(jdbi, "pair", loaded.id())).containsEntry("title", "the title")
                .containsEntry("subtitle", "the subtitle");
    }

    @Test
    void insertAllAndUpdateAllRunOneBatchEach(Jdbi jdbi, StatementCounter counter) {
        List<Title> titles = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            titles.add(new Title("T" + i));
        }
        counter.reset();
        TitleDao.on(jdbi).insertAll(titles);
        assertThat(counter.count()).as("one batch").isEqualTo(1);
        Map<Long, Map<String, Object>> stored = titles(jdbi);
        for (Title inserted : titles) {
            assertThat(stored.get(TitleAccess.id(inserted))).containsEntry("name", TitleAccess.name(inserted));
        }

        titles.forEach(each -> TitleAccess.rename(each, TitleAccess.name(each) + "!"));
        counter.reset();
        assertThat(TitleDao.on(jdbi).updateAll(titles)).isEqualTo(250);
        assertThat(counter.count()).as("one batch").isEqualTo(1);
        stored = titles(jdbi);
        for (Title updated : titles) {
            assertThat(stored.get(TitleAccess.id(updated))).containsEntry("name", TitleAccess.name(updated))
                    .containsEntry("version", 1);
            assertThat(TitleAccess.version(updated)).isEqualTo(1);
        }

        List<Memo> memos = MemoDao.on(jdbi).insertAll(List.of(new Memo(0, "a", 0), new Memo(0, "b", 0)));
        assertThat(memos).extracting(Memo::text).containsExactly("a", "b");
        assertThat(memos).allSatisfy(memo -> assertThat(row(jdbi, "memo", memo.id())).containsEntry("text",
                memo.text()));
    }

    @Test
    void aStaleUpdateFailsAndChangesNothing(Jdbi jdbi) {
        Title mine = TitleDao.on(jdbi).findById(title).orElseThrow();
        Title theirs = TitleDao.on(jdbi).findById(title).orElseThrow();
        TitleAccess.rename(theirs, "Their Dune");
        TitleDao.on(jdbi).update(theirs);
        assertThat(TitleAccess.version(theirs)).isEqualTo(1);

        TitleAccess.rename(mine, "My Dune");
        assertThatThrownBy(() -> TitleDao.on(jdbi).update(mine))
                .isInstanceOf(OptimisticLockException.class)
                .hasMessage("Title " + title + " was changed since it was read: the update expected version 0, "
                        + "the row has version 1. Nothing was written; read it again and reapply the change");
        assertThat(row(jdbi, title)).containsEntry("name", "Their Dune").containsEntry("version", 1);

        jdbi.useHandle(handle -> handle.execute("delete from title where id = ?", title));
        assertThatThrownBy(() -> TitleDao.on(jdbi).update(theirs)).isInstanceOf(OptimisticLockException.class)
                .hasMessage("Title " + title + " has no row: it was deleted since it was read, or never inserted; "
                        + "the update expected version 1. Nothing was written");
    }

    /** As JPA's optimistic locking does: a versioned update of a key no row has is refused, not a quiet no-op. */
    @Test
    void aVersionedUpdateOfAKeyNeverInsertedFailsWithoutGuessingWhy(Jdbi jdbi) {
        assertThatThrownBy(() -> MemoDao.on(jdbi).update(new Memo(999_999, "never stored", 0)))
                .isInstanceOf(OptimisticLockException.class)
                .hasMessage("Memo 999999 has no row: it was deleted since it was read, or never inserted; the update "
                        + "expected version 0. Nothing was written");
        long rows = jdbi.withHandle(handle -> handle.createQuery("select count(*) from memo").mapTo(Long.class).one());
        assertThat(rows).as("rows in memo").isZero();
    }

    @Test
    void aBatchWithOneStaleRowChangesNoRow(Jdbi jdbi) {
        List<Title> titles = new ArrayList<>(List.of(new Title("A"), new Title("B"), new Title("C")));
        TitleDao.on(jdbi).insertAll(titles);
        jdbi.useHandle(handle -> handle.execute("update title set version = 7 where id = ?",
                TitleAccess.id(titles.get(1))));
        titles.forEach(each -> TitleAccess.rename(each, "changed"));

        assertThatThrownBy(() -> TitleDao.on(jdbi).updateAll(titles)).isInstanceOf(OptimisticLockException.class)
                .hasMessageContaining("Title " + TitleAccess.id(titles.get(1)) + " was changed since it was read");
        for (Title each : titles) {
            assertThat(row(jdbi, TitleAccess.id(each))).containsEntry("name", List.of("A", "B", "C")
                    .get(titles.indexOf(each)));
        }
        // Inside the caller's transaction, a savepoint undoes the batch and the transaction goes on.
        try (Handle handle = jdbi.open()) {
            handle.useTransaction(transaction -> {
                assertThatThrownBy(() -> TitleDao.on(transaction).updateAll(titles))
                        .isInstanceOf(OptimisticLockException.class);
                assertThat(TitleDao.on(transaction).count()).isEqualTo(4);
            });
        }
        assertThat(row(jdbi, TitleAccess.id(titles.get(0)))).containsEntry("name", "A");
    }

    /**
     * The case: {@code delete(id)} removed a row another writer changed since it was read, discarding their
     * change. {@code delete(entity)} deletes only the version read, and says why it did not.
     */
    @Test
    void aStaleDeleteFailsAndKeepsTheOtherWritersChange(Jdbi jdbi) {
        Title mine = TitleDao.on(jdbi).findById(title).orElseThrow();
        Title theirs = TitleDao.on(jdbi).findById(title).orElseThrow();
        TitleAccess.rename(theirs, "Their Dune");
        TitleDao.on(jdbi).update(theirs);

        assertThatThrownBy(() -> TitleDao.on(jdbi).delete(mine))
                .isInstanceOf(OptimisticLockException.class)
                .hasMessage("Title " + title + " was changed since it was read: the delete expected version 0, the row "
                        + "has version 1. Nothing was written; read it again to see the other change before you "
                        + "delete it");
        assertThat(row(jdbi, title)).containsEntry("name", "Their Dune").containsEntry("version", 1);

        TitleDao.on(jdbi).delete(theirs);
        assertThat(TitleDao.on(jdbi).findById(title)).isEmpty();
        assertThatThrownBy(() -> TitleDao.on(jdbi).delete(theirs)).isInstanceOf(OptimisticLockException.class)
                .hasMessage("Title " + title + " has no row: it was deleted since it was read, or never inserted; "
                        + "the delete expected version 1. Nothing was written");
    }

    /** A record's versioned delete, in the caller's transaction: rolled back with it, kept when it commits. */
    @Test
    void aRecordsVersionedDeleteRunsInTheCallersTransaction(Jdbi jdbi) {
        Memo memo = MemoDao.on(jdbi).insert(new Memo(0, "draft", 0));
        try (Handle handle = jdbi.open()) {
            handle.useTransaction(transaction -> {
                MemoDao.on(transaction).delete(memo);
                assertThat(MemoDao.on(transaction).findById(memo.id())).isEmpty();
                transaction.rollback();
            });
        }
        assertThat(MemoDao.on(jdbi).findById(memo.id())).contains(memo);

        Memo edited = MemoDao.on(jdbi).update(new Memo(memo.id(), "final", memo.version()));
        assertThatThrownBy(() -> MemoDao.on(jdbi).delete(memo)).isInstanceOf(OptimisticLockException.class)
                .hasMessageContaining("the delete expected version 0, the row has version 1");
        MemoDao.on(jdbi).delete(edited);
        assertThat(MemoDao.on(jdbi).count()).isZero();
        assertThat(MemoDao.on(jdbi).delete(edited.id())).as("delete(id): no row, no error").isFalse();
    }

    /** Every row of {@code title}, by key, read in one statement. */
    private static Map<Long, Map<String, Object>> titles(Jdbi jdbi) {
        Map<Long, Map<String, Object>> rows = new java.util.HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("select * from title").mapToMap()
                .forEach(row -> rows.put((Long) row.get("id"), row)));
        return rows;
    }

    private Map<String, Object> row(Jdbi jdbi, long id) {
        return row(jdbi, "title", id);
    }

    private static Map<String, Object> row(Jdbi jdbi, String table, long id) {
        return jdbi.withHandle(handle -> handle.createQuery("select * from " + table + " where id = ?").bind(0, id)
                .mapToMap().one());
    }
}
