package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.identity.Label;
import dev.loadplan.it.identity.Project;
import dev.loadplan.it.identity.ProjectLoader;
import dev.loadplan.it.identity.Ticket;
import dev.loadplan.it.identity.TicketLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 25, item 1: a lazy (or IMMEDIATE) many-to-one is answered from the graph. SQLAlchemy: "The one case where SQL
 * is not emitted is for a simple many-to-one relationship, when the related object can be identified by its primary
 * key alone and that object is already present in the current Session." Here the graph's identity map is the session:
 * a target it holds costs no statement, and parents sharing a key share one read, so reading many references costs at
 * most one statement per distinct key the graph lacks. Before, each parent's first read ran a statement of its own:
 * 2,101 tickets of 6 projects ran 2,101.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/identity.sql")
class IdentityMapToOneTest {

    private static final int TICKETS = 2_101;
    private static final int PROJECTS = 6;

    @BeforeAll
    static void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into project (id, name) select i, 'P' || i from generate_series(1, 6) i");
            handle.execute("insert into label (id, name) select i, 'L' || i from generate_series(1, 4) i");
            // Every ticket's project is one of 6; odd tickets came from one of projects 1-3; labels are one of 4.
            handle.execute("insert into ticket (id, title, project_id, origin_id, label_id) "
                    + "select i, 'T' || i, i % 6 + 1, case when i % 2 = 1 then i % 3 + 1 end, i % 4 + 1 "
                    + "from generate_series(1, " + TICKETS + ") i");
        });
    }

    @Test
    void lazyManyToOneRunsOneStatementPerDistinctKey(Jdbi jdbi, StatementCounter counter) {
        List<Ticket> tickets = TicketLoader.withProjectLazy().list(jdbi);
        assertThat(tickets).hasSize(TICKETS);
        counter.reset();

        Map<Long, Project> byId = new HashMap<>();
        for (Ticket ticket : tickets) {
            Project project = ticket.project().get();
            assertThat(project.id()).isEqualTo(ticket.id() % PROJECTS + 1);
            // One object per row in the graph, whichever ticket read it first.
            assertThat(byId.computeIfAbsent(project.id(), id -> project)).isSameAs(project);
        }

        assertThat(counter.count()).as("one statement per distinct project, not one per ticket").isEqualTo(PROJECTS);
        assertThat(byId).hasSize(PROJECTS);
        assertThat(names(tickets, ticket -> ticket.project().get()))
                .isEqualTo(names(TicketLoader.withProjectJoined().list(jdbi), ticket -> ticket.project().get()));
    }

    @Test
    void aTargetTheLoadReadAlreadyCostsNoStatement(Jdbi jdbi, StatementCounter counter) {
        List<Ticket> tickets = TicketLoader.withProjectJoined().withOriginLazy().list(jdbi);
        counter.reset();

        int origins = 0;
        Map<Long, Project> projects = new HashMap<>();
        tickets.forEach(ticket -> projects.put(ticket.project().get().id(), ticket.project().get()));
        for (Ticket ticket : tickets) {
            Project origin = ticket.origin().get();
            if (origin != null) {
                origins++;
                assertThat(origin).isSameAs(projects.get(origin.id()));
            }
        }

        assertThat(origins).isEqualTo((TICKETS + 1) / 2);
        assertThat(counter.count()).as("every origin is a project the joined load read").isZero();
    }

    @Test
    void keysTheGraphLacksCostOneStatementEachAndTheirTargetsJoinIt(Jdbi jdbi, StatementCounter counter) {
        List<Ticket> tickets = TicketLoader.withProjectLazy().withOriginLazy().list(jdbi);
        counter.reset();

        tickets.forEach(ticket -> ticket.origin().get());
        assertThat(counter.count()).as("origins are projects 1-3").isEqualTo(3);
        tickets.forEach(ticket -> ticket.project().get());
        assertThat(counter.count()).as("of projects 1-6, only 4-6 were not read as origins").isEqualTo(PROJECTS);

        Ticket fromProjectOne = tickets.stream().filter(ticket -> ticket.origin().get() != null
                && ticket.origin().get().id() == 1).findFirst().orElseThrow();
        Ticket inProjectOne = tickets.stream().filter(ticket -> ticket.project().get().id() == 1).findFirst()
                .orElseThrow();
        assertThat(inProjectOne.project().get()).isSameAs(fromProjectOne.origin().get());
    }

    @Test
    void aRecordTargetIsBuiltOnceAndShared(Jdbi jdbi, StatementCounter counter) {
        List<Ticket> tickets = TicketLoader.withLabelLazy().list(jdbi);
        counter.reset();

        Map<Long, Label> byId = new HashMap<>();
        for (Ticket ticket : tickets) {
            Label label = ticket.label().get();
            assertThat(label.name()).isEqualTo("L" + (ticket.id() % 4 + 1));
            assertThat(byId.computeIfAbsent(label.id(), id -> label)).isSameAs(label);
        }
        assertThat(counter.count()).isEqualTo(4);
    }

    @Test
    void aLinkWithCriteriaAsksTheDatabaseOncePerKeyAndKeepsItsAnswer(Jdbi jdbi, StatementCounter counter) {
        // Project 1 is in the graph, but the link's criteria leave it out: only the statement can say so.
        List<Ticket> tickets = TicketLoader.withProjectJoined()
                .withOriginLazy(ProjectLoader.plain().where("project.name <> :excluded").bind("excluded", "P1"))
                .list(jdbi);
        counter.reset();

        for (Ticket ticket : tickets) {
            Project origin = ticket.origin().get();
            if (ticket.id() % 2 == 0 || ticket.id() % 3 + 1 == 1) {
                assertThat(origin).as("ticket %s", ticket.id()).isNull();
            } else {
                assertThat(origin.id()).isEqualTo(ticket.id() % 3 + 1);
            }
        }
        assertThat(counter.count()).as("one statement per distinct origin, filtered ones included").isEqualTo(3);
    }

    @Test
    void whatAPlanLoadsBelowALazyLinkIsReadOncePerDistinctKey(Jdbi jdbi, StatementCounter counter) {
        List<Ticket> tickets = TicketLoader.withOriginLazy(ProjectLoader.withTicketsSelectIn()).list(jdbi);
        counter.reset();

        Set<Ticket> roots = Collections.newSetFromMap(new IdentityHashMap<>());
        roots.addAll(tickets);
        for (Ticket ticket : tickets) {
            Project origin = ticket.origin().get();
            if (origin != null) {
                assertThat(origin.tickets()).allSatisfy(inOrigin -> assertThat(inOrigin.id() % PROJECTS + 1)
                        .isEqualTo(origin.id()));
                assertThat(roots).as("the origin's tickets are the graph's").containsAll(origin.tickets());
            }
        }
        // The origin holds tickets the statement below it reads, so the graph cannot answer it from what it holds;
        // each of the 3 distinct origins runs its statement and its tickets' step once, for every ticket from it.
        assertThat(counter.count()).isEqualTo(2 * 3);
    }

    @Test
    void immediateAttachesTargetsTheGraphHoldsWithNoStatement(Jdbi jdbi, StatementCounter counter) {
        List<Ticket> joined = counter.measure(() -> TicketLoader.withProjectJoined().withOriginImmediate().list(jdbi))
                .value();
        assertThat(counter.count()).as("the joined statement read every origin").isEqualTo(1);
        for (Ticket ticket : joined) {
            if (ticket.origin().get() != null) {
                assertThat(ticket.origin().get()).isSameAs(projectOf(joined, ticket.origin().get().id()));
            }
        }

        counter.reset();
        List<Ticket> alone = TicketLoader.withOriginImmediate().list(jdbi);
        assertThat(counter.count()).as("the root, then one statement per distinct origin").isEqualTo(1 + 3);
        assertThat(names(alone, ticket -> ticket.origin().get()))
                .isEqualTo(names(joined, ticket -> ticket.origin().get()));
    }

    @Test
    void threadsReadingOneGraphShareEachKeysRead(Jdbi jdbi, StatementCounter counter) throws Exception {
        List<Ticket> tickets = TicketLoader.withProjectLazy().list(jdbi);
        counter.reset();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<Long, Project>>> reads = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                reads.add(pool.submit(() -> {
                    start.await();
                    Map<Long, Project> seen = new HashMap<>();
                    for (int i = 0; i < tickets.size(); i++) {
                        Project project = tickets.get((i + offset * 263) % tickets.size()).project().get();
                        seen.put(project.id(), project);
                    }
                    return seen;
                }));
            }
            start.countDown();
            Map<Long, Project> first = reads.get(0).get();
            for (Future<Map<Long, Project>> read : reads) {
                Map<Long, Project> seen = read.get();
                assertThat(seen).hasSize(PROJECTS);
                seen.forEach((id, project) -> assertThat(project).isSameAs(first.get(id)));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counter.count()).as("threads waiting for a key's read take its answer").isEqualTo(PROJECTS);
    }

    private static Project projectOf(List<Ticket> tickets, long id) {
        return tickets.stream().map(ticket -> ticket.project().get()).filter(project -> project.id() == id)
                .findFirst().orElseThrow();
    }

    /** Each ticket's title with the name of the project {@code read} gives it, in the tickets' order. */
    private static List<String> names(List<Ticket> tickets, Function<Ticket, Project> read) {
        List<String> names = new ArrayList<>();
        for (Ticket ticket : tickets) {
            Project project = read.apply(ticket);
            names.add(ticket.title() + ":" + (project == null ? "-" : project.name()));
        }
        return names;
    }
}
