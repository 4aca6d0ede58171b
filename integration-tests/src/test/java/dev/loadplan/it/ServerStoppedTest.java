package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.loadplan.ConnectionUnavailableException;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * A server stopped under a graph and a {@code Jdbi}: a lazy read and a new load each name what they were loading and
 * keep the driver's refusal; once the server is back, the same {@code Jdbi} loads again. A server of its own, on a
 * data directory kept across the restart, so no other test sees it stop.
 */
class ServerStoppedTest {

    /** The driver's SQLState when nothing listens: sqlclient_unable_to_establish_sqlconnection. */
    private static final String REFUSED = "08001";

    private Path data;
    private int port;
    private EmbeddedPostgres server;
    private Jdbi jdbi;

    @BeforeEach
    void start() throws IOException {
        data = Files.createTempDirectory("loadplan-server-stopped");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = startServer();
        jdbi = Jdbi.create(server.getPostgresDatabase());
        jdbi.useHandle(handle -> {
            handle.execute("create table authors (id bigserial primary key, name text not null)");
            handle.execute("create table books (id bigserial primary key, author_id bigint references authors (id), "
                    + "title text not null)");
            handle.execute("insert into authors (id, name) values (1, 'Ann')");
            handle.execute("insert into books (id, author_id, title) values (10, 1, 'Ann 1')");
        });
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aLazyReadAndANewLoadNameWhatTheyLoadAndTheNextLoadWorksOnceTheServerIsBack() throws IOException {
        List<Author> authors = AuthorLoader.withBooksLazy().list(jdbi);
        server.close();
        server = null;

        Throwable lazyRead = catchThrowable(() -> authors.get(0).books().size());
        Throwable load = catchThrowable(() -> AuthorLoader.withBooksSelectIn().list(jdbi));

        assertRefused(lazyRead, "loading Author.books (LAZY) failed: could not get a connection: ");
        assertRefused(load, "loading Author failed: could not get a connection: ");

        server = startServer();
        assertThat(authors.get(0).books()).as("the lazy read, tried again").extracting(book -> book.title())
                .containsExactly("Ann 1");
        assertThat(AuthorLoader.withBooksSelectIn().list(jdbi)).as("the next load").hasSize(1);
    }

    private static void assertRefused(Throwable failure, String message) {
        assertThat(failure).isInstanceOf(ConnectionUnavailableException.class).hasMessageStartingWith(message)
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(((ConnectionUnavailableException) failure).sqlState()).isEqualTo(REFUSED);
        PSQLException driver = null;
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException found) {
                driver = found;
            }
        }
        assertThat((Throwable) driver).as("the driver's error in the cause chain").isNotNull();
        assertThat(driver.getSQLState()).isEqualTo(REFUSED);
        assertThat(failure.getMessage()).contains(driver.getMessage());
    }

    private EmbeddedPostgres startServer() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                .start();
    }
}
