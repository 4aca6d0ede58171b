package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.LoadPlanException;
import dev.loadplan.it.library.Author;
import dev.loadplan.it.library.AuthorLoader;
import dev.loadplan.it.library.BookLinks;
import dev.loadplan.it.library.BookLoader;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A link's plan filters and orders what the link loads, SQLAlchemy's {@code selectinload(User.addresses.and_(...))}:
 * {@code withBooksX(BookLoader.plain().where(...).bind(...).orderBy(...))}. With every strategy the graph holds, for
 * each author (those with no matching book too), exactly the matching books in that order, as a raw SQL query
 * selects them; the plan runs as many statements as without the criteria.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkCriteriaTest {

    private static final String MATCHING = "books.title LIKE :pattern";
    private static final String PATTERN = "%a%";

    private Jdbi jdbi;
    private StatementCounter counter;

    @BeforeAll
    void data(Jdbi jdbi, StatementCounter counter) {
        this.jdbi = jdbi;
        this.counter = counter;
        jdbi.useHandle(handle -> {
            handle.execute("insert into authors (id, name) values (1, 'Ann'), (2, 'Bob'), (3, 'Cid'), (4, 'Dee')");
            // Bob's books all miss the pattern, Dee has none; titles tie to test the key as tie-breaker.
            handle.execute("insert into books (id, author_id, title) values "
                    + "(10, 1, 'alpha'), (11, 1, 'beta'), (12, 1, 'gamma'), (13, 1, 'delta'), (14, 1, 'alpha'), "
                    + "(20, 2, 'omen'), (21, 2, 'echo'), "
                    + "(30, 3, 'zeta'), (31, 3, 'iota'), (32, 3, 'kappa'), (33, null, 'orphan a')");
        });
    }

    @Test
    void everyStrategyLoadsTheMatchingBooksInTheLinksOrder() {
        Map<String, List<Object>> expected = expected();
        Map<String, Function<BookLoader.Plan, AuthorLoader.Plan>> strategies = BookLinks.byStrategy();
        Map<String, Function<Handle, List<Author>>> unfiltered = Map.of(
                "JOINED", AuthorLoader.withBooksJoined()::list,
                "NESTED", AuthorLoader.withBooksNested()::list,
                "SELECT_IN", AuthorLoader.withBooksSelectIn()::list,
                "SUBQUERY", AuthorLoader.withBooksSubquery()::list,
                "IMMEDIATE", AuthorLoader.withBooksImmediate()::list,
                "LAZY", AuthorLoader.withBooksLazy()::list);

        strategies.forEach((strategy, link) -> jdbi.useHandle(handle -> {
            AuthorLoader.Plan plan = link.apply(BookLoader.plain().where(MATCHING).bind("pattern", PATTERN)
                    .orderBy("books.title DESC"));
            counter.reset();
            List<Author> authors = plan.list(handle);
            Map<String, List<Object>> loaded = BookLinks.titles(authors);
            int statements = counter.count();
            counter.reset();
            BookLinks.titles(unfiltered.get(strategy).apply(handle));

            assertThat(loaded).as(strategy).isEqualTo(expected);
            assertThat(statements).as("%s statements, as without the criteria", strategy).isEqualTo(counter.count());
        }));
    }

    @Test
    void theFilteredStatementIsWhatSqlShows() {
        AuthorLoader.Plan plan = AuthorLoader.withBooksSelectIn(BookLoader.plain().where(MATCHING)
                .bind("pattern", PATTERN).orderBy("books.title DESC"));

        List<String> ran = jdbi.withHandle(handle -> {
            counter.reset();
            plan.list(handle);
            return counter.statements();
        });

        assertThat(plan.sql()).containsExactly(AuthorLoader.PLAIN, """
                SELECT books.id, books.title, books.author_id
                FROM books
                WHERE books.author_id = ANY(?) AND (books.title LIKE :pattern)
                ORDER BY books.author_id, books.title DESC, books.id""");
        assertThat(ran).containsExactly(AuthorLoader.PLAIN, plan.sql().get(1).replace(":pattern", "?"));
    }

    @Test
    void aLinkBelowAFilteredLinkLoadsForTheMatchingBooksOnly() {
        List<Author> authors = jdbi.withHandle(AuthorLoader.withBooksSelectIn(BookLoader.withAuthorSubquery()
                .where(MATCHING).bind("pattern", PATTERN))::list);

        assertThat(authors.get(0).books()).extracting(book -> book.author().name()).containsOnly("Ann");
        assertThat(authors.get(1).books()).isEmpty();
    }

    @Test
    void aCallersOwnStatementAndAnSqlLoggerSeeTheLinksValues() {
        BookLoader.Plan matching = BookLoader.plain().where(MATCHING).bind("pattern", PATTERN)
                .orderBy("books.title DESC");
        Map<String, List<Object>> expected = expected();
        List<String> logged = new ArrayList<>();

        Map<String, List<Object>> fromSql = jdbi.withHandle(handle -> BookLinks.titles(AuthorLoader
                .fromSql("SELECT {columns} FROM authors WHERE authors.name <> :nobody ORDER BY authors.id")
                .bind("nobody", "-").withBooksSelectIn(matching).list(handle)));
        Map<String, List<Object>> withLogger = jdbi.withHandle(handle -> {
            handle.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
                @Override
                public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext context) {
                    logged.add(context.getRenderedSql() + " -- " + context.getBinding());
                }
            });
            return BookLinks.titles(AuthorLoader.withBooksSubquery(matching).list(handle));
        });

        assertThat(fromSql).isEqualTo(expected);
        assertThat(withLogger).isEqualTo(expected);
        // loadplan's own statements run bound by position: the link's :pattern is logged as ?, its value with it.
        assertThat(logged).hasSize(2);
        assertThat(logged.get(1)).contains("AND (books.title LIKE ?)").contains(PATTERN);
    }

    @Test
    void aNameTwoPlansBindToDifferentValuesIsRefused() {
        assertThatThrownBy(() -> AuthorLoader.plain().where("authors.name LIKE :pattern").bind("pattern", "A%")
                .withBooksSelectIn(BookLoader.plain().where(MATCHING).bind("pattern", PATTERN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the root and the link Author.books both bind :pattern, to different values; give one "
                        + "of them another name");
    }

    @Test
    void aNameNoPlanBindsIsNamed() {
        AuthorLoader.Plan plan = AuthorLoader.withBooksSelectIn(BookLoader.plain().where("books.title = :title"));

        assertThatThrownBy(() -> jdbi.withHandle(plan::list))
                .isInstanceOf(LoadPlanException.class)
                .hasMessage("the plan's SQL names :title, which no plan of it binds: call bind(\"title\", value) on "
                        + "the plan whose where or orderBy names it");
    }

    /** Each author's name with the titles (and ids) of the books a raw query selects for it. */
    private Map<String, List<Object>> expected() {
        return jdbi.withHandle(handle -> {
            Map<String, List<Object>> byAuthor = new LinkedHashMap<>();
            for (String name : handle.createQuery("select name from authors order by id").mapTo(String.class)) {
                byAuthor.put(name, new ArrayList<>());
            }
            handle.createQuery("select a.name, b.id, b.title from authors a join books b on b.author_id = a.id "
                    + "where b.title like :pattern order by a.id, b.title desc, b.id")
                    .bind("pattern", PATTERN)
                    .map((row, context) -> byAuthor.get(row.getString(1)).add(row.getLong(2) + " " + row.getString(3)))
                    .list();
            return byAuthor;
        });
    }
}
