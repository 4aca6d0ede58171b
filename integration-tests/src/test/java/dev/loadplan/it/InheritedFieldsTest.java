package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.OptimisticLockException;
import dev.loadplan.Ref;
import dev.loadplan.SchemaCheck;
import dev.loadplan.it.inherited.InheritedAccess;
import dev.loadplan.it.inherited.Note;
import dev.loadplan.it.inherited.NoteDao;
import dev.loadplan.it.inherited.NoteLoader;
import dev.loadplan.it.inherited.Project;
import dev.loadplan.it.inherited.ProjectDao;
import dev.loadplan.it.inherited.ProjectLoader;
import dev.loadplan.it.inherited.Ticket;
import dev.loadplan.it.inherited.TicketDao;
import dev.loadplan.it.inherited.TicketLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A domain as teams write it: every entity extends a {@code BaseEntity} of another package (key, creation time and
 * version, private with accessors), one through a second superclass holding a column and a relationship, one a
 * generic superclass fixing its key's type. Inherited columns are read by every strategy and written by the DAO,
 * each write read back with plain SQL.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/inherited.sql")
class InheritedFieldsTest {

    private static final UUID TRACKER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final Instant CREATED = Instant.parse("2026-11-30T09:15:00Z");

    @BeforeAll
    static void data(Jdbi jdbi) {
        Project tracker = InheritedAccess.project(TRACKER, CREATED, "tracker");
        ProjectDao.on(jdbi).insert(tracker);
        TicketDao.on(jdbi).insertAll(List.of(
                InheritedAccess.ticket(FIRST, CREATED.plusSeconds(60), "open", tracker, "Crash on start"),
                InheritedAccess.ticket(SECOND, CREATED.plusSeconds(120), "closed", tracker, "Add dark mode")));
        NoteDao.on(jdbi).insertAll(List.of(InheritedAccess.note("seen it too", FIRST),
                InheritedAccess.note("fixed in 1.2", FIRST)));
    }

    @Test
    void theDaoWritesInheritedColumnsAsRowsThatPlainSqlReadsBack(Jdbi jdbi) {
        Map<String, Object> project = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT created_at, version, name FROM project WHERE id = :id").bind("id", TRACKER).mapToMap().one());
        assertThat(project).containsEntry("name", "tracker").containsEntry("version", 0L);
        assertThat(((OffsetDateTime) jdbi.withHandle(handle -> handle.createQuery(
                "SELECT created_at FROM project WHERE id = :id").bind("id", TRACKER).mapTo(OffsetDateTime.class)
                .one())).toInstant()).isEqualTo(CREATED);
        Map<String, Object> ticket = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT state, project_id, title FROM ticket WHERE id = :id").bind("id", FIRST).mapToMap().one());
        assertThat(ticket).containsEntry("state", "open").containsEntry("project_id", TRACKER)
                .containsEntry("title", "Crash on start");
        List<Long> noteKeys = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT id FROM note WHERE ticket_id = :id ORDER BY id").bind("id", FIRST).mapTo(Long.class).list());
        assertThat(noteKeys).hasSize(2);
    }

    /** Every strategy of Project.tickets builds the same graph, inherited columns included, in its statements. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"JOINED", "NESTED", "SELECT_IN", "SUBQUERY", "IMMEDIATE"})
    void everyStrategyReadsInheritedColumns(String strategy, Jdbi jdbi, StatementCounter counter) {
        Supplier<ProjectLoader.Plan> plan = switch (strategy) {
            case "JOINED" -> ProjectLoader::withTicketsJoined;
            case "NESTED" -> ProjectLoader::withTicketsNested;
            case "SELECT_IN" -> ProjectLoader::withTicketsSelectIn;
            case "SUBQUERY" -> ProjectLoader::withTicketsSubquery;
            default -> ProjectLoader::withTicketsImmediate;
        };
        counter.reset();
        Project project = plan.get().findById(jdbi, TRACKER).orElseThrow();

        assertThat(counter.count()).isEqualTo(strategy.equals("JOINED") || strategy.equals("NESTED") ? 1 : 2);
        assertThat(project.getId()).isEqualTo(TRACKER);
        assertThat(project.getCreatedAt()).isEqualTo(CREATED);
        assertThat(project.getVersion()).isZero();
        List<Ticket> tickets = InheritedAccess.tickets(project);
        assertThat(tickets).extracting(Ticket::getId).containsExactly(SECOND, FIRST);
        assertThat(tickets).extracting(Ticket::getCreatedAt)
                .containsExactly(CREATED.plusSeconds(120), CREATED.plusSeconds(60));
        assertThat(tickets).extracting(InheritedAccess::state).containsExactly("closed", "open");
    }

    @Test
    void aRelationshipDeclaredInASuperclassLoadsAndPointsBack(Jdbi jdbi, StatementCounter counter) {
        counter.reset();
        List<Note> notes = NoteLoader.withTicketJoined(TicketLoader.withProjectJoined()).list(jdbi);

        assertThat(counter.count()).isEqualTo(1);
        assertThat(notes).extracting(InheritedAccess::noteId).allSatisfy(id -> assertThat(id).isPositive());
        Ticket ticket = InheritedAccess.ticket(notes.get(0));
        assertThat(ticket.getId()).isEqualTo(FIRST);
        assertThat(InheritedAccess.ticket(notes.get(1))).isSameAs(ticket);
        Ref<Project> project = InheritedAccess.project(ticket);
        assertThat(project.get().getId()).isEqualTo(TRACKER);
        assertThat(project.get().getCreatedAt()).isEqualTo(CREATED);
    }

    @Test
    void anInheritedVersionGuardsUpdates(Jdbi jdbi) {
        Ticket ticket = TicketLoader.plain().findById(jdbi, SECOND).orElseThrow();
        Ticket stale = TicketLoader.plain().findById(jdbi, SECOND).orElseThrow();

        InheritedAccess.setState(ticket, "reopened");
        assertThat(TicketDao.on(jdbi).update(ticket)).isTrue();
        assertThat(ticket.getVersion()).isEqualTo(1L);
        String stored = jdbi.withHandle(handle -> handle.createQuery("SELECT state || ' ' || version FROM ticket"
                + " WHERE id = :id").bind("id", SECOND).mapTo(String.class).one());
        assertThat(stored).isEqualTo("reopened 1");

        InheritedAccess.setState(stale, "wontfix");
        assertThatThrownBy(() -> TicketDao.on(jdbi).update(stale)).isInstanceOf(OptimisticLockException.class)
                .hasMessageContaining("Ticket");
        String unchanged = jdbi.withHandle(handle -> handle.createQuery("SELECT state FROM ticket WHERE id = :id")
                .bind("id", SECOND).mapTo(String.class).one());
        assertThat(unchanged).isEqualTo("reopened");
    }

    @Test
    void theSchemaCheckSeesInheritedColumns(Jdbi jdbi) {
        SchemaCheck.verify(jdbi, ProjectLoader.SCHEMA, TicketLoader.SCHEMA, NoteLoader.SCHEMA);
        // The check runs outside a transaction, so the column is renamed and renamed back around it.
        List<String> drift = jdbi.withHandle(handle -> {
            handle.execute("ALTER TABLE ticket RENAME COLUMN created_at TO opened_at");
            try {
                return SchemaCheck.check(handle, TicketLoader.SCHEMA).stream().map(Object::toString).toList();
            } finally {
                handle.execute("ALTER TABLE ticket RENAME COLUMN opened_at TO created_at");
            }
        });
        assertThat(drift).singleElement().asString().contains("ticket", "created_at");
    }

    @Test
    void columnsAreInDeclarationOrderFromTheTopSuperclass() {
        // The foreign key only a relationship maps comes after the mapped columns, as for every entity.
        assertThat(TicketLoader.withNotesJoined().sql()).singleElement().asString()
                .startsWith("SELECT ticket.id, ticket.created_at, ticket.version, ticket.state, ticket.title,\n"
                        + "    ticket.project_id, lp_notes.id");
    }
}
