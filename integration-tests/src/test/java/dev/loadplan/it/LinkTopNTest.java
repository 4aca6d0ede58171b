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
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Top-N per parent: {@code limit} and {@code offset} on a link's plan limit each parent's collection, not the
 * statement. With every strategy each author holds exactly the books a raw query ranks first for it, and the plan
 * runs as many statements as without the limit.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkTopNTest {

    private Jdbi jdbi;
    private StatementCounter counter;

    @BeforeAll
    void data(Jdbi jdbi, StatementCounter counter) {
        this.jdbi = jdbi;
        this.counter = counter;
        jdbi.useHandle(handle -> {
            handle.execute("insert into authors (id, name) values (1, 'Ann'), (2, 'Bob'), (3, 'Cid'), (4, 'Dee')");
            // Ann has five books (two titles tie), Bob one, Cid three, Dee none.
            handle.execute("insert into books (id, author_id, title) values "
                    + "(10, 1, 'alpha'), (11, 1, 'beta'), (12, 1, 'gamma'), (13, 1, 'delta'), (14, 1, 'gamma'), "
                    + "(20, 2, 'omen'), (30, 3, 'zeta'), (31, 3, 'iota'), (32, 3, 'kappa'), (33, null, 'orphan')");
        });
    }

    @Test
    void everyStrategyKeepsTheFirstBooksOfEachAuthor() {
        check(BookLoader.plain().orderBy("books.title DESC").limit(2), "title desc", 0, 2);
    }

    @Test
    void anOffsetSkipsTheFirstBooksOfEachAuthor() {
        check(BookLoader.plain().orderBy("books.title").offset(1).limit(2), "title", 1, 2);
        check(BookLoader.plain().offset(2), "id", 2, Long.MAX_VALUE);
    }

    @Test
    void aLimitWithACondition() {
        check(BookLoader.plain().where("books.title <> :t").bind("t", "gamma").limit(1), "id", 0, 1);
    }

    @Test
    void aLimitOnAReferenceIsRefused() {
        assertThatThrownBy(() -> BookLoader.withAuthorSelectIn(AuthorLoader.plain().limit(1)))
                .isInstanceOf(LoadPlanException.class)
                .hasMessage("the plan for Book.author limits its rows (limit, offset), but Book.author holds one "
                        + "Author: a limit per parent applies to collections");
    }

    /**
     * Loads every author with {@code books} by each strategy and compares each author's books with those a raw query
     * ranks {@code offset + 1} to {@code offset + limit} for it by {@code order} (then key), and the statement count
     * with the unlimited plan's.
     */
    private void check(BookLoader.Plan books, String order, long offset, long limit) {
        Map<String, List<Object>> expected = expected(books, order, offset, limit);
        Map<String, Function<BookLoader.Plan, AuthorLoader.Plan>> strategies = BookLinks.byStrategy();
        strategies.forEach((strategy, link) -> jdbi.useHandle(handle -> {
            counter.reset();
            Map<String, List<Object>> loaded = BookLinks.titles(link.apply(books).list(handle));
            int statements = counter.count();
            counter.reset();
            BookLinks.titles(link.apply(BookLoader.plain()).list(handle));

            assertThat(loaded).as("%s, %s", strategy, books.sql()).isEqualTo(expected);
            assertThat(statements).as("%s statements, as without the limit", strategy).isEqualTo(counter.count());
        }));
    }

    private Map<String, List<Object>> expected(BookLoader.Plan books, String order, long offset, long limit) {
        boolean skipsGamma = books.sql().get(0).contains("<> :t");
        return jdbi.withHandle(handle -> {
            Map<String, List<Object>> byAuthor = new LinkedHashMap<>();
            for (String name : handle.createQuery("select name from authors order by id").mapTo(String.class)) {
                byAuthor.put(name, new ArrayList<>());
            }
            handle.createQuery("select a.name, b.id, b.title from authors a join books b on b.author_id = a.id "
                    + (skipsGamma ? "where b.title <> 'gamma' " : "") + "order by a.id, b." + order + ", b.id")
                    .map((row, context) -> List.of(row.getString(1), row.getLong(2) + " " + row.getString(3)))
                    .forEach(row -> byAuthor.get((String) row.get(0)).add(row.get(1)));
            byAuthor.replaceAll((name, titles) -> titles.subList((int) Math.min(offset, titles.size()),
                    (int) Math.min(limit == Long.MAX_VALUE ? titles.size() : offset + limit, titles.size())));
            return byAuthor;
        });
    }
}
