package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.LibraryData;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plan closes each statement as soon as its rows are read, so a long-lived handle does not pile up open
 * statements, and the driver, seeing the same statement again, prepares it on the server.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
class StatementReuseTest {

    @BeforeAll
    static void data(Jdbi jdbi) {
        LibraryData.small(jdbi);
    }

    @Test
    void repeatedLoadsOnOneHandleArePreparedOnTheServer(Jdbi jdbi) {
        try (Handle handle = jdbi.open()) {
            for (int i = 0; i < 10; i++) {
                AuthorLoader.withBooksSelectIn().list(handle);
            }

            // The driver prepares a statement on the server from its fifth use, if it was closed and cached.
            List<String> prepared = handle.createQuery("select statement from pg_prepared_statements")
                    .mapTo(String.class).list();
            assertThat(prepared).anySatisfy(sql -> assertThat(sql).contains("FROM authors"));
            assertThat(prepared).anySatisfy(sql -> assertThat(sql).contains("WHERE books.author_id = ANY($1)"));
        }
    }
}
