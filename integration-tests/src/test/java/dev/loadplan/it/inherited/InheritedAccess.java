package dev.loadplan.it.inherited;

import dev.loadplan.Ref;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds and reads the package-private fields of the inherited domain, for tests in another package. */
public final class InheritedAccess {

    private InheritedAccess() {
    }

    public static Project project(UUID id, Instant createdAt, String name) {
        Project project = new Project();
        project.setId(id);
        project.setCreatedAt(createdAt);
        project.name = name;
        return project;
    }

    public static Ticket ticket(UUID id, Instant createdAt, String state, Project project, String title) {
        Ticket ticket = new Ticket();
        ticket.setId(id);
        ticket.setCreatedAt(createdAt);
        ticket.state = state;
        ticket.project = Ref.of(project);
        ticket.title = title;
        return ticket;
    }

    public static Note note(String body, UUID ticketId) {
        Note note = new Note();
        note.body = body;
        Ticket ticket = new Ticket();
        ticket.setId(ticketId);
        note.ticket = ticket;
        return note;
    }

    public static List<Ticket> tickets(Project project) {
        return project.tickets;
    }

    public static String state(Ticket ticket) {
        return ticket.state;
    }

    public static void setState(Ticket ticket, String state) {
        ticket.state = state;
    }

    public static Ref<Project> project(Ticket ticket) {
        return ticket.project;
    }

    public static Long noteId(Note note) {
        return note.id;
    }

    public static Ticket ticket(Note note) {
        return note.ticket;
    }
}
