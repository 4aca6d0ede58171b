package dev.loadplan.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter's Jdbi joins Spring-managed transactions: DAO writes roll back with them, and loaders, DAO reads, lazy
 * reads and streams inside one see its uncommitted writes, on its connection. Rows are counted on a connection of the
 * test's own, outside Spring, which sees only what is committed.
 */
@SpringBootTest
class TransactionsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Postgres.register(registry, TransactionsTest.class);
    }

    @Autowired
    LibraryService service;
    @Autowired
    Jdbi jdbi;
    @Autowired
    DataSource dataSource;
    @Autowired
    DataSourceProperties dataSourceProperties;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void empty() {
        jdbcTemplate.execute("TRUNCATE books, authors");
    }

    private long committed(String table) {
        return Postgres.countElsewhere(dataSourceProperties.getUrl(), "SELECT count(*) FROM " + table);
    }

    @Test
    void bootsDataSourceIsHikariAndTheJdbiHasTheApplicationsPlugins() {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(jdbi.getConfig(SqlStatements.class).getAttribute("installedBy"))
                .as("what the application's JdbiPlugin bean defined").isEqualTo("libraryPlugin");
    }

    @Test
    void daoWritesCommitWithTheTransaction() {
        service.insertAuthorWithBook("Le Guin", "The Dispossessed");

        assertThat(committed("authors")).isEqualTo(1);
        assertThat(committed("books")).isEqualTo(1);
    }

    @Test
    void daoWritesRollBackWithTheTransaction() {
        assertThatThrownBy(() -> service.insertAuthorWithBookThenFail("Le Guin", "The Dispossessed"))
                .isInstanceOf(LibraryService.Abort.class);

        assertThat(committed("authors")).as("authors after the rollback").isZero();
        assertThat(committed("books")).as("books after the rollback").isZero();
    }

    @Test
    void readsInTheTransactionSeeItsOwnUncommittedWrites() {
        transactions.executeWithoutResult(status -> {
            long id = service.insertAuthorWithBook("Le Guin", "The Dispossessed");
            assertThat(committed("authors")).as("committed: the insert is the transaction's own so far").isZero();

            List<Author> authors = AuthorLoader.withBooksSelectIn().list(jdbi);
            assertThat(authors).singleElement().satisfies(author -> {
                assertThat(author.name).isEqualTo("Le Guin");
                assertThat(author.books).extracting(book -> book.title).containsExactly("The Dispossessed");
            });
            assertThat(AuthorDao.on(jdbi).findById(id)).get().extracting(author -> author.name).isEqualTo("Le Guin");
            assertThat(AuthorDao.on(jdbi).count()).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(committed("authors")).isZero();
    }

    @Test
    void lazyReadsInTheTransactionRunOnItsConnection() {
        transactions.executeWithoutResult(status -> {
            service.insertAuthorWithBook("Le Guin", "The Dispossessed");
            List<Author> authors = AuthorLoader.withBooksLazy().list(jdbi);
            // A book inserted after the load, uncommitted: the lazy read finds it only on the transaction's connection.
            BookDao.on(jdbi).insert(new Book("The Lathe of Heaven", authors.get(0).id));

            assertThat(authors.get(0).books).extracting(book -> book.title)
                    .containsExactly("The Dispossessed", "The Lathe of Heaven");
            status.setRollbackOnly();
        });
        assertThat(committed("books")).isZero();
    }

    @Test
    void aHandleOpenedInTheTransactionIsOnItsConnectionAndStreams() {
        Map<String, Object> spring = transactions.execute(status -> {
            service.insertAuthorWithBook("Le Guin", "The Dispossessed");
            service.insertAuthorWithBook("Butler", "Kindred");
            Map<String, Object> springs = jdbcTemplate.queryForMap(
                    "SELECT pg_backend_pid() AS pid, txid_current() AS txid");
            Map<String, Object> handles = jdbi.withHandle(handle -> {
                try (Stream<Author> authors = AuthorLoader.withBooksSelectIn().orderBy("authors.name").stream(handle)) {
                    assertThat(authors.map(author -> author.name + ": " + author.books.get(0).title))
                            .containsExactly("Butler: Kindred", "Le Guin: The Dispossessed");
                }
                return backendAndTransaction(handle);
            });
            assertThat(handles).as("the handle's backend and transaction: the Spring transaction's")
                    .isEqualTo(springs);
            status.setRollbackOnly();
            return springs;
        });
        assertThat(committed("authors")).isZero();
        assertThat(spring).containsKeys("pid", "txid");
    }

    @Test
    void closingAHandleInTheTransactionLeavesItOpen() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            try (Handle handle = jdbi.open()) {
                AuthorDao.on(handle).insert(new Author("Le Guin"));
            }
            // The transaction goes on after the handle closed: this write joins the first, and both roll back.
            AuthorDao.on(jdbi).insert(new Author("Butler"));
            assertThat(AuthorDao.on(jdbi).count()).isEqualTo(2);
            throw new LibraryService.Abort();
        })).isInstanceOf(LibraryService.Abort.class);
        assertThat(committed("authors")).isZero();
    }

    @Test
    void outsideATransactionEachLoadHasItsOwn() {
        service.insertAuthorWithBook("Le Guin", "The Dispossessed");

        assertThat(service.authorsWithBooks()).singleElement()
                .satisfies(author -> assertThat(author.books).hasSize(1));
        assertThat(jdbi.withHandle(Handle::isInTransaction)).as("a handle outside Spring's transactions").isFalse();
    }

    private static Map<String, Object> backendAndTransaction(Handle handle) {
        return handle.createQuery("SELECT pg_backend_pid() AS pid, txid_current() AS txid").mapToMap().one();
    }
}
