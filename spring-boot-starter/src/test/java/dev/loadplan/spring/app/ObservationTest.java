package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanConfig;
import dev.loadplan.LoadPlanException;
import dev.loadplan.spring.ObservationPlanListener;
import dev.loadplan.spring.OpenTelemetryPlanListener;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application has an {@code ObservationRegistry} (as the actuator gives it) without Micrometer Tracing: the
 * starter's Jdbi makes one Micrometer observation per load, under the caller's, with the keys a timer is tagged with
 * (entity, plan, kind) and what the load did (statements, rows, objects), and the error of a failed load.
 */
@SpringBootTest
@Import(RecordedObservations.class)
class ObservationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.register(registry, ObservationTest.class);
    }

    @Autowired
    LibraryService service;
    @Autowired
    Jdbi jdbi;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    ObservationRegistry registry;
    @Autowired
    RecordedObservations.Stopped stopped;

    @BeforeEach
    void data() {
        jdbcTemplate.execute("TRUNCATE books, authors");
        service.insertAuthorWithBook("Le Guin", "The Dispossessed");
        service.insertAuthorWithBook("Butler", "Kindred");
        stopped.clear();
    }

    private long count(String sql) {
        return jdbcTemplate.queryForObject(sql, Long.class);
    }

    private static Map<String, String> keys(Iterable<KeyValue> keyValues) {
        Map<String, String> keys = new TreeMap<>();
        keyValues.forEach(keyValue -> keys.put(keyValue.getKey(), keyValue.getValue()));
        return keys;
    }

    @Test
    void theStartersJdbiObservesLoadsAndStillTracesThemWithoutMicrometerTracing() {
        assertThat(jdbi.getConfig(LoadPlanConfig.class).getPlanListeners()).<Class<?>>extracting(Object::getClass)
                .as("no Micrometer Tracing turns the observations into spans, so OpenTelemetry's span stays")
                .containsExactlyInAnyOrder(ObservationPlanListener.class, OpenTelemetryPlanListener.class);
    }

    @Test
    void eachLoadIsOneObservationUnderTheCallersWithWhatItDid() {
        long leGuin = count("SELECT id FROM authors WHERE name = 'Le Guin'");
        Observation request = Observation.start("request", registry);
        List<Author> authors = request.observe(() -> service.insertBookThenLoad(leGuin, "The Lathe of Heaven"));
        assertThat(authors).hasSize(2);

        assertThat(stopped.named(ObservationPlanListener.NAME)).as("one observation per load").singleElement()
                .satisfies(load -> {
                    assertThat(load.getContextualName()).isEqualTo("loadplan Author");
                    assertThat(load.getParentObservation()).as("under the caller's").isSameAs(request);
                    assertThat(keys(load.getLowCardinalityKeyValues())).as("a timer's tags").isEqualTo(Map.of(
                            ObservationPlanListener.ENTITY, "Author",
                            ObservationPlanListener.PLAN, "Author's plan (Author.books SELECT_IN)",
                            ObservationPlanListener.KIND, "LOAD"));
                    long rows = count("SELECT count(*) FROM authors") + count("SELECT count(*) FROM books");
                    assertThat(keys(load.getHighCardinalityKeyValues())).isEqualTo(Map.of(
                            ObservationPlanListener.STATEMENTS, "2",
                            ObservationPlanListener.ROWS, Long.toString(rows),
                            ObservationPlanListener.OBJECTS, Long.toString(rows)));
                    assertThat(load.getError()).isNull();
                });
        assertThat(registry.getCurrentObservation()).as("no scope left open").isNull();
    }

    @Test
    void aFailedLoadCarriesItsError() {
        assertThatThrownBy(() -> service.readCommitted(
                        () -> AuthorLoader.plain().where("no_such_column = 1").list(jdbi)))
                .isInstanceOf(LoadPlanException.class);

        assertThat(stopped.named(ObservationPlanListener.NAME)).singleElement()
                .satisfies(load -> assertThat(load.getError()).isInstanceOf(LoadPlanException.class)
                        .hasMessageContaining("no_such_column"));
    }

    @Test
    void aLazyReadIsAnObservationOfItsOwn() {
        service.readCommitted(() -> {
            List<Author> authors = AuthorLoader.withBooksLazy().orderBy("authors.name").list(jdbi);
            return authors.get(0).books.size();
        });

        assertThat(stopped.named(ObservationPlanListener.NAME))
                .extracting(load -> load.getContextualName() + " "
                        + keys(load.getLowCardinalityKeyValues()).get(ObservationPlanListener.KIND) + " "
                        + keys(load.getHighCardinalityKeyValues()).get(ObservationPlanListener.STATEMENTS))
                .containsExactly("loadplan Author LOAD 1", "loadplan Book LAZY 1");
    }

    @Test
    void aStreamIsObservedUntilItClosesWithoutTakingTheCallersScope() {
        Observation request = Observation.start("request", registry);
        List<Observation> currentWhileReading = new ArrayList<>();
        List<String> read;
        try (Observation.Scope ignored = request.openScope()) {
            read = service.repeatableRead(() -> jdbi.withHandle(handle -> {
                try (Stream<Author> authors = AuthorLoader.withBooksSelectIn().orderBy("authors.name").stream(handle)) {
                    return authors.peek(author -> currentWhileReading.add(registry.getCurrentObservation()))
                            .map(author -> author.name).collect(Collectors.toList());
                }
            }));
        } finally {
            request.stop();
        }
        assertThat(read).containsExactly("Butler", "Le Guin");
        assertThat(currentWhileReading).as("the caller's observation stays current while it reads the stream")
                .containsOnly(request);

        assertThat(stopped.named(ObservationPlanListener.NAME)).singleElement().satisfies(stream -> {
            assertThat(keys(stream.getLowCardinalityKeyValues())).containsEntry(ObservationPlanListener.KIND, "STREAM");
            assertThat(stream.getParentObservation()).isSameAs(request);
            assertThat(keys(stream.getHighCardinalityKeyValues()))
                    .containsEntry(ObservationPlanListener.STATEMENTS, "2");
        });
    }
}
