package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.SchemaCheck;
import dev.loadplan.SchemaMismatch;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.writes.Feeling;
import dev.loadplan.it.writes.FeelingDao;
import dev.loadplan.it.writes.FeelingLoader;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Java enum over a PostgreSQL enum type: a label the enum lacks fails loudly, naming where it is; the schema check
 * compares the type's labels with the enum's constants; and an enum bound in a fragment compares with an enum column
 * as a DAO write of it does, with no cast.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/writes.sql")
class EnumValuesTest {

    /**
     * The case: a label added to the type failed every load with a bare {@code IllegalArgumentException: No
     * enum constant Mood.ANGRY}, naming neither entity, column nor key, and the schema check passed.
     */
    @Test
    void aLabelTheEnumLacksFailsNamingTheRowAndTheSchemaCheckSaysSoFirst(Jdbi jdbi) {
        long happy = FeelingDao.on(jdbi).insert(new Feeling(Feeling.Mood.HAPPY, "fine", null));
        long angry = jdbi.withHandle(handle -> {
            handle.execute("ALTER TYPE mood ADD VALUE 'ANGRY'");
            return handle.createQuery("INSERT INTO feeling (mood, note) VALUES ('ANGRY', 'grr') RETURNING id")
                    .mapTo(Long.class).one();
        });
        try {
            String problem = "Feeling.mood cannot be read: the column feeling.mood of the row with key " + angry
                    + " holds 'ANGRY', which the enum Mood has no constant for (it has HAPPY, SAD); add the constant "
                    + "to Mood, or change the row";
            assertThatThrownBy(() -> FeelingLoader.plain().list(jdbi)).isInstanceOf(LoadPlanException.class)
                    .hasMessage(problem).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FeelingDao.on(jdbi).findById(angry)).hasMessage(problem);
            assertThatThrownBy(() -> jdbi.inTransaction(handle -> {
                try (Stream<Feeling> feelings = FeelingLoader.plain().stream(handle)) {
                    return feelings.count();
                }
            })).hasMessage(problem);
            assertThat(FeelingDao.on(jdbi).findById(happy)).map(feeling -> feeling.mood).contains(Feeling.Mood.HAPPY);

            List<SchemaMismatch> mismatches = jdbi.withHandle(handle -> SchemaCheck.check(handle,
                    FeelingLoader.SCHEMA));
            assertThat(mismatches).singleElement().satisfies(mismatch -> {
                assertThat(mismatch.field()).isEqualTo("mood");
                assertThat(mismatch.problem()).isEqualTo("the enum type mood has ANGRY, which Mood lacks: a row "
                        + "holding it cannot be read; add the constant");
            });
        } finally {
            jdbi.useHandle(handle -> handle.execute("DELETE FROM feeling"));
        }
    }

    @Test
    void aConstantTheTypeLacksIsReportedByTheSchemaCheck(Jdbi jdbi) {
        List<SchemaMismatch> mismatches = jdbi.withHandle(handle -> {
            handle.execute("CREATE SCHEMA narrow");
            handle.execute("CREATE TYPE narrow.mood AS ENUM ('HAPPY')");
            handle.execute("CREATE TABLE narrow.feeling (LIKE public.feeling INCLUDING DEFAULTS)");
            handle.execute("ALTER TABLE narrow.feeling ALTER COLUMN mood TYPE narrow.mood USING mood::text::narrow.mood");
            handle.execute("SET search_path TO narrow");
            try {
                return SchemaCheck.check(handle, FeelingLoader.SCHEMA);
            } finally {
                handle.execute("RESET search_path");
            }
        });

        assertThat(mismatches).singleElement().satisfies(mismatch -> assertThat(mismatch.problem())
                .isEqualTo("Mood has SAD, which the enum type mood lacks: writing it fails; add the label "
                        + "(ALTER TYPE mood ADD VALUE 'SAD')"));
    }

    /**
     * The case: {@code where("feeling.mood = :m").bind("m", Mood.SAD)} failed with {@code operator does not
     * exist: mood = character varying}, though DAO writes of the same enum work.
     */
    @Test
    void anEnumBoundInAFragmentComparesWithAnEnumColumn(Jdbi jdbi) {
        FeelingDao dao = FeelingDao.on(jdbi);
        dao.insert(new Feeling(Feeling.Mood.HAPPY, "a", null));
        dao.insert(new Feeling(Feeling.Mood.SAD, "b", null));
        try {
            assertThat(FeelingLoader.plain().where("feeling.mood = :m").bind("m", Feeling.Mood.SAD).list(jdbi))
                    .extracting(feeling -> feeling.note).containsExactly("b");
            assertThat(FeelingLoader.fromSql("SELECT {columns} FROM feeling WHERE mood = :m")
                    .bind("m", Feeling.Mood.HAPPY).list(jdbi)).extracting(feeling -> feeling.note).containsExactly("a");
            try (Handle handle = jdbi.open()) {
                assertThat(FeelingLoader.plain().where("feeling.note = :n").bind("n", Feeling.Mood.HAPPY)
                        .list(handle)).as("against a text column too").isEmpty();
            }
        } finally {
            jdbi.useHandle(handle -> handle.execute("DELETE FROM feeling"));
        }
    }
}
