package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.Ref;
import dev.loadplan.RelationshipNotLoadedException;
import dev.loadplan.Strategy;
import dev.loadplan.it.mixed.Novel;
import dev.loadplan.it.mixed.NovelDao;
import dev.loadplan.it.mixed.NovelLoader;
import dev.loadplan.it.mixed.Person;
import dev.loadplan.it.mixed.PersonLoader;
import dev.loadplan.it.mixed.Plaque;
import dev.loadplan.it.mixed.PlaqueLoader;
import dev.loadplan.it.mixed.Shelf;
import dev.loadplan.it.mixed.ShelfLoader;
import dev.loadplan.it.mixed.Topic;
import dev.loadplan.it.mixed.TopicLoader;
import dev.loadplan.it.mixed.Volume;
import dev.loadplan.it.mixed.VolumeLoader;
import dev.loadplan.it.mixed.Writer;
import dev.loadplan.it.mixed.WriterLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.HashSet;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A class holding records, and records holding a class, through every relationship kind and loading strategy:
 * shelf (a class) -> volumes, label, plaque, topics (records), and back.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/mixed.sql")
class MixedFormsTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into label (id, text) values (1, 'L1'), (2, 'L2')");
            handle.execute("insert into shelf (id, name, label_id) values (1, 'A', 1), (2, 'B', null), (3, 'C', 2)");
            handle.execute("insert into volume (id, shelf_id, title) values "
                    + "(10, 1, 'b'), (11, 1, 'a'), (12, 3, 'c'), (13, null, 'orphan')");
            handle.execute("insert into plaque (id, shelf_id, text) values (20, 1, 'P-A'), (21, 3, 'P-C')");
            handle.execute("insert into topic (id, name) values (30, 't30'), (31, 't31'), (32, 't32')");
            handle.execute("insert into shelf_topic (shelf_id, topic_id) values (1, 31), (1, 30), (3, 30)");
            handle.execute("insert into writer (id, name) values (1, 'Woolf'), (2, 'Mann')");
            handle.execute("insert into novel (id, writer_id, title) values (1, 1, 'Orlando'), (2, 1, 'Waves'), "
                    + "(3, 2, 'Zauberberg')");
            handle.execute("insert into person (id, name, mother_id, father_id) values (1, 'Eve', null, null), "
                    + "(2, 'Adam', null, null), (3, 'Cain', 1, 2), (4, 'Enoch', null, 3)");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "IMMEDIATE", "LAZY"})
    void aClassHoldsRecordsInACollection(Strategy strategy, Jdbi jdbi) {
        List<Shelf> shelves = inHandle(jdbi, handle -> load(ShelfLoader.plain(), strategy, "volumes").list(handle)
                .stream().peek(shelf -> shelf.volumes().size()).toList());

        assertThat(shelves).extracting(Shelf::name, shelf -> shelf.volumes().stream().map(Volume::title).toList())
                .containsExactly(tuple("A", List.of("a", "b")), tuple("B", List.of()), tuple("C", List.of("c")));
        for (Shelf shelf : shelves) {
            // The back-reference holds the class that holds the record, with no statement of its own.
            assertThat(shelf.volumes()).allSatisfy(volume -> assertThat(volume.shelf().get()).isSameAs(shelf));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "IMMEDIATE"})
    void aClassHoldsARecordInAPlainReference(Strategy strategy, Jdbi jdbi) {
        List<Shelf> shelves = load(ShelfLoader.plain(), strategy, "label").list(jdbi);

        assertThat(shelves).extracting(Shelf::name, shelf -> shelf.label() == null ? null : shelf.label().text())
                .containsExactly(tuple("A", "L1"), tuple("B", null), tuple("C", "L2"));
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "IMMEDIATE", "LAZY"})
    void aClassHoldsARecordOneToOne(Strategy strategy, Jdbi jdbi) {
        List<Shelf> shelves = load(ShelfLoader.plain(), strategy, "plaque").list(jdbi);

        assertThat(shelves).extracting(Shelf::name, shelf -> shelf.plaque().asOptional().map(Plaque::text)
                .orElse("none")).containsExactly(tuple("A", "P-A"), tuple("B", "none"), tuple("C", "P-C"));
        assertThat(shelves.get(0).plaque().get().shelf().get()).isSameAs(shelves.get(0));
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "IMMEDIATE", "LAZY"})
    void aClassHoldsRecordsManyToMany(Strategy strategy, Jdbi jdbi) {
        List<Shelf> shelves = load(ShelfLoader.plain(), strategy, "topics").list(jdbi);

        assertThat(shelves).extracting(Shelf::name, shelf -> shelf.topics().stream().map(Topic::name).toList())
                .containsExactly(tuple("A", List.of("t30", "t31")), tuple("B", List.of()), tuple("C", List.of("t30")));
        // One row, one object: topic 30 is the same record under both shelves.
        assertThat(shelves.get(0).topics().get(0)).isSameAs(shelves.get(2).topics().get(0));
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "IMMEDIATE", "LAZY"})
    void recordsHoldAClass(Strategy strategy, Jdbi jdbi) {
        List<Volume> volumes = switch (strategy) {
            case JOINED -> VolumeLoader.withShelfJoined().list(jdbi);
            case NESTED -> VolumeLoader.withShelfNested().list(jdbi);
            case SELECT_IN -> VolumeLoader.withShelfSelectIn().list(jdbi);
            case SUBQUERY -> VolumeLoader.withShelfSubquery().list(jdbi);
            case IMMEDIATE -> VolumeLoader.withShelfImmediate().list(jdbi);
            default -> VolumeLoader.withShelfLazy().list(jdbi);
        };
        List<Topic> topics = switch (strategy) {
            case JOINED -> TopicLoader.withShelvesJoined().list(jdbi);
            case NESTED -> TopicLoader.withShelvesNested().list(jdbi);
            case SELECT_IN -> TopicLoader.withShelvesSelectIn().list(jdbi);
            case SUBQUERY -> TopicLoader.withShelvesSubquery().list(jdbi);
            case IMMEDIATE -> TopicLoader.withShelvesImmediate().list(jdbi);
            default -> TopicLoader.withShelvesLazy().list(jdbi);
        };

        assertThat(volumes).extracting(Volume::title, volume -> volume.shelf().asOptional().map(Shelf::name)
                .orElse("none")).containsExactly(tuple("b", "A"), tuple("a", "A"), tuple("c", "C"),
                        tuple("orphan", "none"));
        assertThat(topics).extracting(Topic::name, topic -> topic.shelves().stream().map(Shelf::name).toList())
                .containsExactly(tuple("t30", List.of("A", "C")), tuple("t31", List.of("A")), tuple("t32", List.of()));
    }

    @Test
    void recordsMayDeclareBothDirectionsAndLoadEither(Jdbi jdbi, StatementCounter counter) {
        List<Writer> writers = WriterLoader.withNovelsSelectIn().list(jdbi);
        List<Novel> novels = NovelLoader.withWriterJoined().list(jdbi);

        assertThat(writers).extracting(Writer::name, writer -> writer.novels().stream().map(Novel::title).toList())
                .containsExactly(tuple("Woolf", List.of("Orlando", "Waves")), tuple("Mann", List.of("Zauberberg")));
        // A record cannot hold the record that holds it: the back-reference stays as the plan says (RAISE).
        assertThat(writers.get(0).novels().get(0).writer().isLoaded()).isFalse();
        assertThat(novels).extracting(Novel::title, novel -> novel.writer().get().name())
                .containsExactly(tuple("Orlando", "Woolf"), tuple("Waves", "Woolf"), tuple("Zauberberg", "Mann"));
        assertThat(counter.count()).isEqualTo(3);
    }

    @Test
    void recordsWithAReferenceNotLoadedCompareAndHashWithoutReadingIt(Jdbi jdbi, StatementCounter counter) {
        List<Novel> plain = NovelLoader.plain().list(jdbi);
        Novel found = NovelDao.on(jdbi).findById(1L).orElseThrow();
        Novel loaded = NovelLoader.withWriterJoined().list(jdbi).get(0);
        counter.reset();

        assertThat(plain.get(0)).isEqualTo(found).hasSameHashCodeAs(found).isNotEqualTo(loaded);
        assertThat(loaded).isNotEqualTo(found);
        assertThat(plain.get(0).writer()).isEqualTo(plain.get(1).writer()).isNotEqualTo(loaded.writer());
        // The rule is the relationship's, not the instance's: any reference not loaded for Novel.writer is equal.
        assertThat(found.writer()).isEqualTo(Ref.notLoaded("Novel.writer", "another message"))
                .hasSameHashCodeAs(Ref.notLoaded("Novel.writer", "another message"))
                .isNotEqualTo(Ref.notLoaded("Volume.shelf", "another message"));
        assertThat(new HashSet<>(plain)).hasSize(3).contains(found).doesNotContain(loaded);
        assertThat(counter.count()).isZero();
        assertThatThrownBy(() -> found.writer().get()).isInstanceOf(RelationshipNotLoadedException.class);
    }

    @Test
    void aLazyBackReferenceOfRecordsIsTheRecordAlreadyBuilt(Jdbi jdbi) {
        Writer woolf = inHandle(jdbi, handle -> {
            Writer writer = WriterLoader.withNovelsSelectIn(NovelLoader.withWriterLazy()).list(handle).get(0);
            writer.novels().forEach(novel -> novel.writer().get());
            return writer;
        });

        assertThat(woolf.novels()).allSatisfy(novel -> assertThat(novel.writer().get()).isSameAs(woolf));
    }

    @Test
    void aPlanThatWouldMakeRecordsHoldEachOtherIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> WriterLoader.withNovelsSelectIn(NovelLoader.withWriterJoined()))
                .isInstanceOf(LoadPlanException.class)
                .hasMessageContaining("Writer -> Writer.novels -> Novel.writer -> Writer")
                .hasMessageContaining("Load Novel.writer LAZY or NO_LOAD here");
    }

    @Test
    void aRecordWithTwoReferencesToItsOwnKindLoads(Jdbi jdbi) {
        List<Person> people = PersonLoader.withMotherJoined().withFatherSelectIn().list(jdbi);

        assertThat(people).extracting(Person::name, person -> person.mother() == null ? "-" : person.mother().name(),
                person -> person.father() == null ? "-" : person.father().name())
                .containsExactly(tuple("Eve", "-", "-"), tuple("Adam", "-", "-"), tuple("Cain", "Eve", "Adam"),
                        tuple("Enoch", "-", "Cain"));
        assertThat(people.get(3).father()).isSameAs(people.get(2));
    }

    private static ShelfLoader.Plan load(ShelfLoader.Plan plan, Strategy strategy, String relationship) {
        return switch (relationship + " " + strategy) {
            case "volumes JOINED" -> plan.withVolumesJoined();
            case "volumes NESTED" -> plan.withVolumesNested();
            case "volumes SELECT_IN" -> plan.withVolumesSelectIn();
            case "volumes SUBQUERY" -> plan.withVolumesSubquery();
            case "volumes IMMEDIATE" -> plan.withVolumesImmediate();
            case "volumes LAZY" -> plan.withVolumesLazy();
            case "label JOINED" -> plan.withLabelJoined();
            case "label NESTED" -> plan.withLabelNested();
            case "label SELECT_IN" -> plan.withLabelSelectIn();
            case "label SUBQUERY" -> plan.withLabelSubquery();
            case "label IMMEDIATE" -> plan.withLabelImmediate();
            case "plaque JOINED" -> plan.withPlaqueJoined();
            case "plaque NESTED" -> plan.withPlaqueNested();
            case "plaque SELECT_IN" -> plan.withPlaqueSelectIn();
            case "plaque SUBQUERY" -> plan.withPlaqueSubquery();
            case "plaque IMMEDIATE" -> plan.withPlaqueImmediate();
            case "plaque LAZY" -> plan.withPlaqueLazy();
            case "topics JOINED" -> plan.withTopicsJoined();
            case "topics NESTED" -> plan.withTopicsNested();
            case "topics SELECT_IN" -> plan.withTopicsSelectIn();
            case "topics SUBQUERY" -> plan.withTopicsSubquery();
            case "topics IMMEDIATE" -> plan.withTopicsImmediate();
            case "topics LAZY" -> plan.withTopicsLazy();
            default -> throw new IllegalArgumentException(relationship + " " + strategy);
        };
    }

    /** Runs {@code work} on a handle kept open while it reads the graph, as lazy loads need. */
    private static <T> T inHandle(Jdbi jdbi, java.util.function.Function<Handle, T> work) {
        try (Handle handle = jdbi.open()) {
            return work.apply(handle);
        }
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
