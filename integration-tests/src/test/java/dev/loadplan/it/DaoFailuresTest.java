package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loadplan.LoadPlanException;
import dev.loadplan.Ref;
import dev.loadplan.it.support.DatabaseUrl;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.writes.Pair;
import dev.loadplan.it.writes.PairDao;
import dev.loadplan.it.writes.Publisher;
import dev.loadplan.it.writes.PublisherDao;
import dev.loadplan.it.writes.Series;
import dev.loadplan.it.writes.SeriesDao;
import dev.loadplan.it.writes.Title;
import dev.loadplan.it.writes.TitleAccess;
import dev.loadplan.it.writes.TitleDao;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

/**
 * What a DAO write the database refuses throws: a {@link LoadPlanException} naming the DAO method, the entity and its
 * key (for a batch, the entry the driver says failed), with the database's own message in its text and the driver's
 * exception, SQLState and all, in its cause chain; and, read back with plain SQL, what the table holds after it.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/writes.sql")
class DaoFailuresTest {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String NOT_NULL_VIOLATION = "23502";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private long penguin;
    private long dune;

    @BeforeEach
    void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("truncate title, publisher, editor, series, feeling, memo, pair restart identity");
            penguin = handle.createQuery("insert into publisher (name) values ('Penguin') returning id")
                    .mapTo(Long.class).one();
            handle.execute("insert into series (code, label) values ('classics', 'Classics'), ('noir', 'Noir')");
            dune = handle.createQuery("insert into title (name, publisher_id, series_code) "
                    + "values ('Dune', ?, 'classics') returning id").bind(0, penguin).mapTo(Long.class).one();
        });
    }

    @Test
    void anInsertOfAKeyAlreadyThereNamesTheKey(Jdbi jdbi) {
        LoadPlanException failure = failure(() -> SeriesDao.on(jdbi).insert(new Series("classics", "Again")));

        assertThat(failure).hasMessageStartingWith("insert of Series classics failed; nothing was written: ERROR: "
                + "duplicate key value violates unique constraint \"series_pkey\"");
        assertThat(driverError(failure, PSQLException.class).getSQLState()).isEqualTo(UNIQUE_VIOLATION);
        assertThat(series(jdbi)).containsExactly("classics=Classics", "noir=Noir");
    }

    @Test
    void anInsertWhoseKeyTheDatabaseGeneratesSaysSo(Jdbi jdbi) {
        LoadPlanException failure = failure(() -> PublisherDao.on(jdbi).insert(new Publisher(null)));

        assertThat(failure).hasMessageStartingWith("insert of Publisher, whose key the database generates, failed; "
                + "nothing was written: ERROR: null value in column \"name\" of relation \"publisher\"");
        assertThat(driverError(failure, PSQLException.class).getSQLState()).isEqualTo(NOT_NULL_VIOLATION);
        assertThat(publishers(jdbi)).containsExactly("Penguin");
    }

    @Test
    void anUpdateBreakingAForeignKeyNamesTheKeyAndWritesNothing(Jdbi jdbi) {
        Title loaded = TitleDao.on(jdbi).findById(dune).orElseThrow();
        TitleAccess.rename(loaded, "Dune Messiah");
        TitleAccess.set(loaded, null, Ref.empty(), "no such series");

        LoadPlanException failure = failure(() -> TitleDao.on(jdbi).update(loaded));

        assertThat(failure).hasMessageStartingWith("update of Title " + dune + " failed; nothing was written: ERROR: "
                + "insert or update on table \"title\" violates foreign key constraint \"title_series_code_fkey\"");
        assertThat(driverError(failure, PSQLException.class).getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION);
        assertThat(title(jdbi, dune)).isEqualTo("Dune/classics/v0");
        assertThat(TitleAccess.version(loaded)).as("the version of the entity").isZero();
    }

    @Test
    void anUpdateBreakingNotNullNamesTheRecordsKey(Jdbi jdbi) {
        Pair pair = PairDao.on(jdbi).insert(new Pair(0, "title", "subtitle"));

        LoadPlanException failure = failure(() -> PairDao.on(jdbi).update(new Pair(pair.id(), null, "changed")));

        assertThat(failure).hasMessageStartingWith("update of Pair " + pair.id() + " failed; nothing was written: "
                + "ERROR: null value in column \"title\" of relation \"pair\"");
        assertThat(driverError(failure, PSQLException.class).getSQLState()).isEqualTo(NOT_NULL_VIOLATION);
        assertThat(pairs(jdbi)).containsExactly("title/subtitle");
    }

    @Test
    void aDeleteOfAReferencedRowNamesTheKey(Jdbi jdbi) {
        LoadPlanException failure = failure(() -> PublisherDao.on(jdbi).delete(penguin));

        assertThat(failure).hasMessageStartingWith("delete of Publisher " + penguin + " failed; nothing was written: "
                + "ERROR: update or delete on table \"publisher\" violates foreign key constraint "
                + "\"title_publisher_id_fkey\" on table \"title\"");
        assertThat(driverError(failure, PSQLException.class).getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION);
        assertThat(publishers(jdbi)).containsExactly("Penguin");
    }

    @Test
    void aBatchInsertNamesTheEntryThatFailed(Jdbi jdbi) {
        List<Series> batch = List.of(new Series("poetry", "Poetry"), new Series("classics", "Again"),
                new Series("drama", "Drama"));

        LoadPlanException failure = failure(() -> SeriesDao.on(jdbi).insertAll(batch));

        assertThat(failure).hasMessageStartingWith("insertAll of Series failed at entry 1 of 3 (Series classics); "
                + "nothing of the batch was written: ERROR: duplicate key value violates unique constraint "
                + "\"series_pkey\"");
        assertThat(driverError(failure, BatchUpdateException.class).getSQLState()).isEqualTo(UNIQUE_VIOLATION);
        assertThat(driverError(failure, PSQLException.class).getSQLState()).isEqualTo(UNIQUE_VIOLATION);
        assertThat(series(jdbi)).containsExactly("classics=Classics", "noir=Noir");
    }

    @Test
    void aBatchInsertWhoseKeysTheDatabaseGeneratesNamesTheEntry(Jdbi jdbi) {
        List<Publisher> batch = List.of(new Publisher("Vintage"), new Publisher(null), new Publisher("Faber"));

        LoadPlanException failure = failure(() -> PublisherDao.on(jdbi).insertAll(batch));

        assertThat(failure).hasMessageStartingWith("insertAll of Publisher failed at entry 1 of 3 (its key the "
                + "database generates); nothing of the batch was written: ERROR: null value in column \"name\" of "
                + "relation \"publisher\"");
        assertThat(driverError(failure, BatchUpdateException.class).getSQLState()).isEqualTo(NOT_NULL_VIOLATION);
        assertThat(publishers(jdbi)).containsExactly("Penguin");
    }

    /**
     * With {@code reWriteBatchedInserts} the driver sends several rows an INSERT, and its "Batch entry" counts those
     * statements: here poetry and drama go in its entry 0 and classics, the third entity, is its "Batch entry 1". So
     * no entry is named, and the driver's message is kept whole.
     */
    @Test
    void aRewrittenBatchInsertNamesNoEntryItCannotBeSureOf(Jdbi jdbi) {
        String url = DatabaseUrl.of(jdbi);
        Jdbi rewriting = Jdbi.create(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", "postgres",
                "");
        List<Series> batch = List.of(new Series("poetry", "Poetry"), new Series("drama", "Drama"),
                new Series("classics", "Again"));

        LoadPlanException failure = failure(() -> SeriesDao.on(rewriting).insertAll(batch));

        assertThat(failure).hasMessageStartingWith("insertAll of Series failed in a batch of 3; nothing of the batch "
                + "was written: Batch entry 1 ")
                .hasMessageContaining("duplicate key value violates unique constraint \"series_pkey\"");
        assertThat(driverError(failure, BatchUpdateException.class).getSQLState()).isEqualTo(UNIQUE_VIOLATION);
        assertThat(series(jdbi)).containsExactly("classics=Classics", "noir=Noir");
    }

    /**
     * The case: 1,000 rows with a duplicate key at entry 500, outside a transaction. PostgreSQL's driver syncs
     * a batch this long part by part, and in autocommit each part committed by itself (496 rows were, before the batch
     * ran in a transaction of its own): now nothing is, and the message says so.
     */
    @Test
    void aBatchLongerThanTheDriversSplitWritesNothingWhenAnEntryFails(Jdbi jdbi) {
        List<Series> batch = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            batch.add(i == 500 ? new Series("classics", "Again") : new Series("s" + i, "Series " + i));
        }

        LoadPlanException failure = failure(() -> SeriesDao.on(jdbi).insertAll(batch));

        assertThat(failure).hasMessageStartingWith("insertAll of Series failed at entry 500 of 1000 (Series classics); "
                + "nothing of the batch was written: ERROR: duplicate key value violates unique constraint "
                + "\"series_pkey\"");
        assertThat(series(jdbi)).containsExactly("classics=Classics", "noir=Noir");
    }

    /** The same for {@code updateAll} without a {@code @Version}: 255 of its rows changed before it ran in one. */
    @Test
    void anUnversionedBatchUpdateLongerThanTheDriversSplitChangesNothingWhenAnEntryFails(Jdbi jdbi) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            pairs.add(new Pair(0, "t" + i, "S" + i));
        }
        List<Pair> stored = PairDao.on(jdbi).insertAll(pairs);
        List<Pair> changed = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Pair pair = stored.get(i);
            changed.add(new Pair(pair.id(), pair.title() + "!", i == 600 ? null : pair.subtitle() + "!"));
        }

        LoadPlanException failure = failure(() -> PairDao.on(jdbi).updateAll(changed));

        assertThat(failure).hasMessageStartingWith("updateAll of Pair failed at entry 600 of 1000 (Pair "
                + stored.get(600).id() + "); nothing of the batch was written: ERROR: null value in column "
                + "\"subtitle\" of relation \"pair\"");
        assertThat(pairs(jdbi)).hasSize(1_000).noneMatch(pair -> pair.contains("!"));
    }

    @Test
    void aBatchUpdateNamesTheEntryThatFailed(Jdbi jdbi) {
        List<Pair> pairs = PairDao.on(jdbi).insertAll(List.of(new Pair(0, "a", "A"), new Pair(0, "b", "B")));
        List<Pair> changed = List.of(new Pair(pairs.get(0).id(), "a2", "A2"), new Pair(pairs.get(1).id(), "b2", null));

        LoadPlanException failure = failure(() -> PairDao.on(jdbi).updateAll(changed));

        assertThat(failure).hasMessageStartingWith("updateAll of Pair failed at entry 1 of 2 (Pair "
                + pairs.get(1).id() + "); nothing of the batch was written: ERROR: null value in column \"subtitle\" "
                + "of relation \"pair\"");
        assertThat(driverError(failure, BatchUpdateException.class).getSQLState()).isEqualTo(NOT_NULL_VIOLATION);
        assertThat(pairs(jdbi)).containsExactly("a/A", "b/B");
    }

    @Test
    void aVersionedBatchUpdateThatFailsWritesNothingAndSaysSo(Jdbi jdbi) {
        List<Title> titles = new ArrayList<>(List.of(new Title("A"), new Title("B")));
        TitleDao.on(jdbi).insertAll(titles);
        TitleAccess.rename(titles.get(0), "A2");
        TitleAccess.set(titles.get(1), null, Ref.empty(), "no such series");

        LoadPlanException failure = failure(() -> TitleDao.on(jdbi).updateAll(titles));

        assertThat(failure).hasMessageStartingWith("updateAll of Title failed at entry 1 of 2 (Title "
                + TitleAccess.id(titles.get(1)) + "); nothing of the batch was written: ERROR: insert or update on "
                + "table \"title\" violates foreign key constraint \"title_series_code_fkey\"");
        assertThat(driverError(failure, BatchUpdateException.class).getSQLState()).isEqualTo(FOREIGN_KEY_VIOLATION);
        assertThat(title(jdbi, TitleAccess.id(titles.get(0)))).isEqualTo("A/null/v0");
        assertThat(TitleAccess.version(titles.get(0))).as("the version of the entity").isZero();
    }

    @Test
    void insideTheCallersTransactionABatchSaysNothingIsCommittedYet(Jdbi jdbi) {
        try (Handle handle = jdbi.open()) {
            handle.begin();
            SeriesDao.on(handle).insert(new Series("poetry", "Poetry"));

            LoadPlanException failure = failure(() -> SeriesDao.on(handle).insertAll(
                    List.of(new Series("drama", "Drama"), new Series("noir", "Again"))));

            assertThat(failure).hasMessageStartingWith("insertAll of Series failed at entry 1 of 2 (Series noir); "
                    + "nothing of it is committed yet: it ran in your transaction: ERROR: duplicate key value");
            handle.rollback();
        }
        assertThat(series(jdbi)).containsExactly("classics=Classics", "noir=Noir");
    }

    @Test
    void aWriteThatGetsNoConnectionNamesTheKeyToo() {
        Jdbi nowhere = Jdbi.create("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2", "postgres", "");

        LoadPlanException failure = failure(() -> SeriesDao.on(nowhere).delete("classics"));

        assertThat(failure).hasMessageStartingWith("delete of Series classics failed; nothing was written: ")
                .hasMessageContaining("refused");
        assertThat(driverError(failure, PSQLException.class).getSQLState()).isEqualTo("08001");
    }

    private static LoadPlanException failure(ThrowingCallable write) {
        LoadPlanException failure = catchThrowableOfType(LoadPlanException.class, write);
        assertThat(failure).as("the write's failure").isNotNull();
        return failure;
    }

    /** The first {@code type} in {@code failure}'s cause chain, where the driver's SQLState is read. */
    private static <T extends SQLException> T driverError(Throwable failure, Class<T> type) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the cause chain of " + failure);
    }

    private static List<String> series(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("select code || '=' || label from series order by code")
                .mapTo(String.class).list());
    }

    private static List<String> publishers(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("select name from publisher order by id")
                .mapTo(String.class).list());
    }

    private static List<String> pairs(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("select title || '/' || subtitle from pair order by id")
                .mapTo(String.class).list());
    }

    private static String title(Jdbi jdbi, long id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select name || '/' || coalesce(series_code, 'null') || '/v' || version from title where id = ?")
                .bind(0, id).mapTo(String.class).one());
    }
}
