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
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plans of one load share their bind names, so a name means one value in the whole load: bound to two different
 * values anywhere (the root and a link at any depth, in either order, with every strategy) it is refused when the
 * second value is bound, where it used to run one plan's fragment with the other's value. A name bound that no
 * fragment uses, and a name used that nothing binds, are refused before any statement runs.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/authors_books.sql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindNamesTest {

    private static final String ROOT_AND_LINK = "the root and the link Author.books both bind :t, to different "
            + "values; give one of them another name";

    private Jdbi jdbi;
    private StatementCounter counter;

    @BeforeAll
    void data(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.useHandle(handle -> {
            handle.execute("insert into authors (id, name) values (1, 'Ann'), (2, 'Bob')");
            handle.execute("insert into books (id, author_id, title) values (10, 1, 'alpha'), (11, 1, 'beta'), "
                    + "(20, 2, 'gamma')");
        });
    }

    @BeforeEach
    void counter(StatementCounter counter) {
        this.counter = counter;
        counter.reset();
    }

    @Test
    void withTwoNamesEveryStrategyLoadsWhatPlainSqlSelects() {
        // The plain SQL the plan stands for: Ann and her books titled alpha.
        Map<String, List<Object>> expected = jdbi.withHandle(handle -> {
            Map<String, List<Object>> byAuthor = new LinkedHashMap<>();
            handle.createQuery("select a.name, b.id || ' ' || b.title from authors a left join books b "
                            + "on b.author_id = a.id and b.title = :t where a.name = :n order by b.id")
                    .bind("t", "alpha").bind("n", "Ann")
                    .map((row, context) -> byAuthor.computeIfAbsent(row.getString(1), name -> new ArrayList<>())
                            .add(row.getString(2)))
                    .list();
            return byAuthor;
        });
        assertThat(expected).isEqualTo(Map.of("Ann", List.of("10 alpha")));

        BookLinks.byStrategy().forEach((strategy, link) -> {
            AuthorLoader.Plan plan = link.apply(BookLoader.plain().where("books.title = :t").bind("t", "alpha"))
                    .where("authors.name = :n").bind("n", "Ann");
            assertThat(titles(plan)).as(strategy)
                    .isEqualTo(expected);
        });
    }

    @Test
    void theRootBindingALinksNameAfterTheLinkIsRefusedWithEveryStrategy() {
        // It used to run the link's "books.title = :t" with the root's 'Ann': Ann loaded with no book.
        BookLinks.byStrategy().forEach((strategy, link) -> {
            AuthorLoader.Plan plan = link.apply(BookLoader.plain().where("books.title = :t").bind("t", "alpha"))
                    .where("authors.name = :t");

            assertThatThrownBy(() -> plan.bind("t", "Ann")).as(strategy)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(ROOT_AND_LINK);
        });
        assertThat(counter.count()).isZero();
    }

    @Test
    void theRootBindingFirstIsRefusedAlikeWithEveryStrategy() {
        BookLinks.byStrategy().forEach((strategy, link) -> {
            AuthorLoader.Plan root = AuthorLoader.plain().where("authors.name = :t").bind("t", "Ann");
            BookLoader.Plan books = BookLoader.plain().where("books.title = :t").bind("t", "alpha");

            // Linking a plan to a root that already binds the name: the same refusal, naming the same places.
            assertThatThrownBy(() -> linkOn(root, strategy, books)).as(strategy)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(ROOT_AND_LINK);
        });
        assertThat(counter.count()).isZero();
    }

    @Test
    void aLinkTwoLevelsDownIsNamedByItsPathWithEveryStrategy() {
        Map<String, Function<AuthorLoader.Plan, BookLoader.Plan>> authorLinks = new LinkedHashMap<>();
        authorLinks.put("JOINED", BookLoader::withAuthorJoined);
        authorLinks.put("NESTED", BookLoader::withAuthorNested);
        authorLinks.put("SELECT_IN", BookLoader::withAuthorSelectIn);
        authorLinks.put("SUBQUERY", BookLoader::withAuthorSubquery);
        authorLinks.put("IMMEDIATE", BookLoader::withAuthorImmediate);

        authorLinks.forEach((strategy, link) -> {
            BookLoader.Plan books = link.apply(AuthorLoader.plain().where("authors.name <> :t").bind("t", "Bob"));
            AuthorLoader.Plan plan = AuthorLoader.withBooksSelectIn(books).where("authors.name = :t");

            assertThatThrownBy(() -> plan.bind("t", "Ann")).as(strategy)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the root and the link Author.books.author both bind :t, to different values; give "
                            + "one of them another name");
        });
        assertThat(counter.count()).isZero();
    }

    @Test
    void theSameValueBoundInTwoPlacesIsOneValue() {
        // A name repeated at each level, as a tenant would be: one value, so nothing the plans say is lost.
        BookLinks.byStrategy().forEach((strategy, link) -> {
            AuthorLoader.Plan plan = link.apply(BookLoader.plain().where("books.title = :t").bind("t", "alpha"))
                    .where("exists (select 1 from books b where b.author_id = authors.id and b.title = :t)")
                    .bind("t", "alpha");

            assertThat(titles(plan)).as(strategy)
                    .isEqualTo(Map.of("Ann", List.of("10 alpha")));
        });
    }

    @Test
    void aPlanBindingItsOwnNameAgainReplacesItsValue() {
        AuthorLoader.Plan plan = AuthorLoader.plain().where("authors.name = :n").bind("n", "Bob").bind("n", "Ann");

        assertThat(names(plan)).containsExactly("Ann");
    }

    @Test
    void aReplacedLinkTakesItsValuesWithIt() {
        AuthorLoader.Plan replaced = AuthorLoader
                .withBooksSelectIn(BookLoader.plain().where("books.title = :t").bind("t", "alpha"))
                .withBooksSelectIn(BookLoader.plain().where("books.title = :t").bind("t", "beta"));
        AuthorLoader.Plan unfiltered = AuthorLoader
                .withBooksSelectIn(BookLoader.plain().where("books.title = :t").bind("t", "alpha"))
                .withBooksJoined();

        assertThat(titles(replaced))
                .isEqualTo(Map.of("Ann", List.of("11 beta"), "Bob", List.of()));
        assertThat(titles(unfiltered))
                .isEqualTo(Map.of("Ann", List.of("10 alpha", "11 beta"), "Bob", List.of("20 gamma")));
    }

    @Test
    void aNameNoFragmentUsesIsRefusedBeforeAnythingRuns() {
        AuthorLoader.Plan plan = AuthorLoader
                .withBooksSelectIn(BookLoader.plain().where("books.title <> :t").bind("t", "beta"))
                .where("authors.name LIKE :p").bind("p", "A%").bind("x", 1);
        String message = "bind(\"x\") names no :x in the plan's fragments; they use :p, :t";

        assertThatThrownBy(() -> jdbi.withHandle(plan::list)).isInstanceOf(LoadPlanException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> plan.list(jdbi)).isInstanceOf(LoadPlanException.class).hasMessage(message);
        assertThatThrownBy(() -> jdbi.withHandle(handle -> plan.findById(handle, 1L)))
                .isInstanceOf(LoadPlanException.class).hasMessage(message);
        assertThatThrownBy(() -> jdbi.withHandle(handle -> {
            try (Stream<Author> authors = plan.stream(handle)) {
                return authors.toList();
            }
        })).isInstanceOf(LoadPlanException.class).hasMessage(message);
        assertThat(counter.count()).isZero();
    }

    @Test
    void aNameBoundInALinkThatNoFragmentUsesIsRefusedToo() {
        AuthorLoader.Plan plan = AuthorLoader.withBooksSelectIn(BookLoader.plain().bind("title", "alpha"))
                .bind("other", 2);

        assertThatThrownBy(() -> jdbi.withHandle(plan::list)).isInstanceOf(LoadPlanException.class)
                .hasMessage("bind(\"other\"), bind(\"title\") name no :other, :title in the plan's fragments; "
                        + "they use no names");
        assertThat(counter.count()).isZero();
    }

    @Test
    void aNameUsedThatNothingBindsIsRefusedBeforeAnythingRuns() {
        // The link's statement runs second: the root's used to run before the missing value was noticed.
        AuthorLoader.Plan plan = AuthorLoader.withBooksSelectIn(BookLoader.plain().where("books.title = :title"));

        assertThatThrownBy(() -> jdbi.withHandle(plan::list)).isInstanceOf(LoadPlanException.class)
                .hasMessage("the plan's SQL names :title, which no plan of it binds: call bind(\"title\", value) on "
                        + "the plan whose where or orderBy names it");
        assertThat(counter.count()).isZero();
    }

    @Test
    void theOrderOfBindAndWhereDoesNotMatter() {
        AuthorLoader.Plan bindFirst = AuthorLoader.plain().bind("n", "Ann").where("authors.name = :n");
        // A root's value for a name only a link's fragment uses, as the plans of one load share their names.
        AuthorLoader.Plan forTheLink = AuthorLoader.withBooksSelectIn(BookLoader.plain().where("books.title = :t"))
                .bind("t", "beta");

        assertThat(names(bindFirst)).containsExactly("Ann");
        assertThat(titles(forTheLink))
                .isEqualTo(Map.of("Ann", List.of("11 beta"), "Bob", List.of()));
    }

    @Test
    void theCallersOwnStatementIsCheckedAlike() {
        String annOnly = "SELECT {columns} FROM authors WHERE authors.name = :t ORDER BY authors.id";

        assertThat(names(AuthorLoader.fromSql(annOnly).bind("t", "Ann"))).containsExactly("Ann");
        counter.reset();
        AuthorLoader.Plan typo = AuthorLoader.fromSql(annOnly).bind("t", "Ann").bind("tt", "x");
        assertThatThrownBy(() -> typo.list(jdbi))
                .isInstanceOf(LoadPlanException.class)
                .hasMessage("bind(\"tt\") names no :tt in the plan's fragments; they use :t");
        assertThatThrownBy(() -> AuthorLoader.fromSql(annOnly).bind("t", "Ann")
                .withBooksSelectIn(BookLoader.plain().where("books.title = :t").bind("t", "alpha")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ROOT_AND_LINK);
        assertThat(counter.count()).isZero();
    }

    /** Each author the plan loads, by name, with its books as "id title". */
    private Map<String, List<Object>> titles(AuthorLoader.Plan plan) {
        return jdbi.withHandle(handle -> BookLinks.titles(plan.list(handle)));
    }

    /** The names of the authors the plan loads, in order. */
    private List<String> names(AuthorLoader.Plan plan) {
        return plan.list(jdbi).stream().map(Author::name).toList();
    }

    /** {@code root} with {@code Author.books} linked to {@code books} by {@code strategy}. */
    private static AuthorLoader.Plan linkOn(AuthorLoader.Plan root, String strategy, BookLoader.Plan books) {
        return switch (strategy) {
            case "JOINED" -> root.withBooksJoined(books);
            case "NESTED" -> root.withBooksNested(books);
            case "SELECT_IN" -> root.withBooksSelectIn(books);
            case "SUBQUERY" -> root.withBooksSubquery(books);
            case "IMMEDIATE" -> root.withBooksImmediate(books);
            case "LAZY" -> root.withBooksLazy(books);
            default -> throw new IllegalArgumentException(strategy);
        };
    }
}
