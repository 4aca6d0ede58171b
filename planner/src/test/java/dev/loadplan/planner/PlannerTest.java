package dev.loadplan.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.planner.HandMapped.Entity;
import dev.loadplan.planner.HandMapped.Relation;
import dev.loadplan.planner.sql.JdbcSql;
import dev.loadplan.planner.sql.OrderTerm;
import dev.loadplan.planner.sql.RelationShape;
import dev.loadplan.planner.sql.TableShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner read as a table: a plan shape in, the statements it runs out, with declared defaults, the stop at
 * entities on the path, back-references and what it refuses. Entities are described by hand, as the processor
 * and the runtime describe theirs.
 */
class PlannerTest {

    /** Authors and books, both directions declared; {@code records} makes both records. */
    private static final class Library {
        final Entity author;
        final Entity book;
        final Relation books;
        final Relation bookAuthor;

        Library(boolean records, LoadStrategy booksDefault, LoadStrategy authorDefault) {
            author = new Entity("Author", new TableShape("authors", List.of("id", "name"), 0), records);
            book = new Entity("Book", new TableShape("books", List.of("id", "title", "author_id"), 0), records);
            books = new Relation(author, RelationShape.foreignKeyInTarget("books", true, "id", "author_id",
                    List.of(new OrderTerm("id", false))), booksDefault, true, book);
            bookAuthor = new Relation(book, RelationShape.foreignKeyInSource("author", "author_id", "id", false),
                    authorDefault, true, author);
            author.relations.add(books);
            book.relations.add(bookAuthor);
        }
    }

    @Test
    void aDeclaredEagerDefaultIsPlannedWhereThePlanDoesNotNameIt() {
        Library library = new Library(false, LoadStrategy.SELECT_IN, LoadStrategy.JOINED);

        var plain = Planner.plan(PlanShape.of(library.author)).described();

        assertThat(plain).extracting(PlannedStatement::sql).containsExactly("""
                SELECT authors.id, authors.name
                FROM authors
                ORDER BY authors.id""", """
                SELECT books.id, books.title, books.author_id
                FROM books
                WHERE books.author_id = ANY(?)
                ORDER BY books.id""");
        // Book.author is declared JOINED, but its author is on the path: not followed back, so loading ends.
        assertThat(plain.get(1).joined()).isEmpty();
        assertThat(plain.get(1).when()).isEqualTo(PlannedStatement.When.BATCH);
        assertThat(plain.get(1).path()).isEqualTo("books");
    }

    @Test
    void aNamedLinkWinsOverTheDeclaredDefault() {
        Library library = new Library(false, LoadStrategy.SELECT_IN, LoadStrategy.RAISE);

        var load = Planner.plan(PlanShape.of(library.author).link(library.books, LoadStrategy.JOINED, null));

        assertThat(load.statements()).containsExactly("""
                SELECT authors.id, authors.name, lp_books.id, lp_books.title, lp_books.author_id
                FROM authors
                LEFT OUTER JOIN books AS lp_books ON lp_books.author_id = authors.id
                ORDER BY authors.id, lp_books.id""");
    }

    @Test
    void aLoadedCollectionFillsTheReferenceBackToItsParent() {
        Library classes = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);
        Library records = new Library(true, LoadStrategy.RAISE, LoadStrategy.RAISE);

        var joined = Planner.plan(PlanShape.of(classes.author).link(classes.books, LoadStrategy.JOINED,
                null)).root().reader().joined().get(0);
        var step = Planner.plan(PlanShape.of(classes.author).link(classes.books, LoadStrategy.SELECT_IN, null))
                .root().steps().get(0);

        assertThat(joined.backReference()).isSameAs(classes.bookAuthor);
        assertThat(step.backReference()).isSameAs(classes.bookAuthor);
        assertThat(Inverses.backReference(classes.book, classes.bookAuthor)).as("a many-to-one fills no collection")
                .isNull();
        assertThat(Inverses.backReference(records.author, records.books)).as("a record cannot hold its holder")
                .isNull();
    }

    @Test
    void recordsThatWouldHoldEachOtherAreRefusedWhenThePlanIsBuilt() {
        Library records = new Library(true, LoadStrategy.RAISE, LoadStrategy.RAISE);
        var authorBack = PlanShape.of(records.book).link(records.bookAuthor, LoadStrategy.JOINED, null);

        assertThatThrownBy(() -> PlanShape.of(records.author).link(records.books, LoadStrategy.SELECT_IN, authorBack))
                .isInstanceOf(PlanningException.class)
                .hasMessage("the plan loads Author.books SELECT_IN and, below it, Book.author JOINED: Author -> "
                        + "Author.books -> Book.author -> Author. Both are records, and a record cannot hold an "
                        + "instance that holds it. Load Book.author LAZY or NO_LOAD here, or map Book or Author as a "
                        + "class");
        var lazyBack = PlanShape.of(records.book).link(records.bookAuthor, LoadStrategy.LAZY, null);
        assertThat(PlanShape.of(records.author).link(records.books, LoadStrategy.SELECT_IN, lazyBack).links())
                .hasSize(1);
    }

    @Test
    void shapesAreValuesAndValuesAreNotPartOfThem() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);
        var one = PlanShape.of(library.author).link(library.books, LoadStrategy.SELECT_IN, null)
                .where("authors.name = :name").paged("limit");
        var two = PlanShape.of(library.author).link(library.books, LoadStrategy.SELECT_IN, null)
                .where("authors.name = :name").paged("offset");

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(one.byIdShape());
        assertThat(one).isNotEqualTo(PlanShape.of(library.author).link(library.books, LoadStrategy.JOINED, null)
                .where("authors.name = :name").paged("limit"));
    }

    @Test
    void aFragmentWithALineCommentIsSafeWhereverItIsRepeated() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);
        var shape = PlanShape.of(library.author).link(library.books, LoadStrategy.SUBQUERY, null)
                .where("authors.name <> :skip -- not Bob").where("authors.id > 0").paged("limit");

        List<String> statements = Planner.plan(shape).statements();

        assertThat(statements.get(1)).contains("""
                WHERE books.author_id IN (SELECT authors.id FROM (SELECT authors.id, authors.name FROM authors WHERE \
                (authors.name <> :skip -- not Bob
                ) AND (authors.id > 0) ORDER BY authors.id LIMIT :lp_limit OFFSET :lp_offset) AS authors)""");
    }

    @Test
    void entitiesNoOtherRowCanHoldAreMarkedToBeReadWithoutTheIdentityMap() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);

        var joinedAuthor = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.JOINED, null)).root().reader();
        var selectIn = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.SELECT_IN, null)).root();
        var joinedBook = Planner.plan(PlanShape.of(library.book)
                .link(library.bookAuthor, LoadStrategy.JOINED, null)).root().reader();
        var authorsOfBooks = Planner.plan(PlanShape.of(library.book)
                .link(library.bookAuthor, LoadStrategy.SELECT_IN, null)).root();

        assertThat(joinedAuthor.distinctRows()).as("an author repeats in the rows of each of its books").isFalse();
        assertThat(joinedAuthor.joined().get(0).target().distinctRows()).as("a book is in one row").isTrue();
        assertThat(selectIn.reader().distinctRows()).isTrue();
        assertThat(selectIn.steps().get(0).reader().distinctRows()).isTrue();
        assertThat(joinedBook.distinctRows()).as("a many-to-one join multiplies nothing").isTrue();
        assertThat(joinedBook.joined().get(0).target().distinctRows()).as("authors are shared by books").isFalse();
        assertThat(authorsOfBooks.steps().get(0).reader().distinctRows()).as("each key is bound once").isTrue();
    }

    @Test
    void anEntityTheLoadCanReachTwiceOrLaterKeepsTheIdentityMap() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);
        var bookWithAuthor = PlanShape.of(library.book).link(library.bookAuthor, LoadStrategy.JOINED, null);
        var bookWithLazyAuthor = PlanShape.of(library.book).link(library.bookAuthor, LoadStrategy.LAZY, null);

        var twice = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.SELECT_IN, bookWithAuthor)).root();
        var lazy = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.SELECT_IN, bookWithLazyAuthor)).root();
        var caller = Planner.plan(PlanShape.fromSql(library.author, "SELECT {columns} FROM authors")).root()
                .reader();

        assertThat(twice.reader().distinctRows()).as("authors are read at two nodes").isFalse();
        assertThat(twice.steps().get(0).reader().distinctRows()).isTrue();
        assertThat(twice.steps().get(0).reader().joined().get(0).target().distinctRows()).isFalse();
        assertThat(lazy.reader().distinctRows()).as("a lazy read joins the graph later").isFalse();
        assertThat(lazy.steps().get(0).reader().distinctRows()).isFalse();
        assertThat(caller.distinctRows()).as("a caller's statement can return a row twice").isFalse();
    }

    @Test
    void statementsOfLoadplansOwnSqlHaveAJdbcFormThoseHoldingTheCallersHaveNone() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);
        var paged = PlanShape.of(library.author).link(library.books, LoadStrategy.SUBQUERY, null).paged("limit");
        var filtered = PlanShape.of(library.author).link(library.books, LoadStrategy.SUBQUERY, null)
                .where("authors.name = :name");
        var filteredSelectIn = PlanShape.of(library.author).link(library.books, LoadStrategy.SELECT_IN, null)
                .where("authors.name = :name");

        var own = Planner.plan(paged.byIdShape()).root();
        var callers = Planner.plan(filtered).root();

        assertThat(own.jdbc().sql()).isEqualTo(own.sql().replace(":lp_id", "?").replace(":lp_limit", "?")
                .replace(":lp_offset", "?")).doesNotContain(":");
        assertThat(own.jdbc().parameters()).containsExactly("lp_id", "lp_limit", "lp_offset");
        assertThat(own.steps().get(0).jdbc().parameters()).as("the subquery repeats the root's parameters")
                .containsExactly("lp_id", "lp_limit", "lp_offset");
        assertThat(callers.jdbc()).isNull();
        assertThat(callers.steps().get(0).jdbc()).as("the subquery repeats the caller's fragment").isNull();
        var selectIn = Planner.plan(filteredSelectIn).root().steps().get(0);
        assertThat(selectIn.jdbc().sql()).as("select-in binds only keys").isEqualTo(selectIn.sql());
        assertThat(selectIn.jdbc().parameters()).containsExactly(JdbcSql.KEYS);
    }

    @Test
    void aLinksConditionAndOrderGoWhereItsStrategyReadsItsRows() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);
        var matching = PlanShape.of(library.book).where("books.title LIKE :p").orderBy("books.title DESC");

        String joined = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.JOINED, matching)).root().sql();
        var selectIn = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.SELECT_IN, matching)).root();
        String subquery = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.SUBQUERY, matching)).root().steps().get(0).sql();
        String lazy = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.LAZY, matching)).statements().get(1);

        assertThat(joined).as("in the ON clause, so an author with no matching book stays").isEqualTo("""
                SELECT authors.id, authors.name, lp_books.id, lp_books.title, lp_books.author_id
                FROM authors
                LEFT OUTER JOIN books AS lp_books ON lp_books.author_id = authors.id AND (lp_books.title LIKE :p)
                ORDER BY authors.id, lp_books.title DESC, lp_books.id""");
        assertThat(selectIn.steps().get(0).sql()).isEqualTo("""
                SELECT books.id, books.title, books.author_id
                FROM books
                WHERE books.author_id = ANY(?) AND (books.title LIKE :p)
                ORDER BY books.author_id, books.title DESC, books.id""");
        assertThat(selectIn.steps().get(0).jdbc().sql()).contains("= ANY(?) AND (books.title LIKE ?)");
        assertThat(selectIn.steps().get(0).jdbc().parameters()).containsExactly(JdbcSql.KEYS, "p");
        assertThat(subquery).isEqualTo("""
                SELECT books.id, books.title, books.author_id
                FROM books
                WHERE books.author_id IN (SELECT authors.id FROM authors) AND (books.title LIKE :p)
                ORDER BY books.author_id, books.title DESC, books.id""");
        assertThat(lazy).isEqualTo("""
                SELECT books.id, books.title, books.author_id
                FROM books
                WHERE books.author_id = ? AND (books.title LIKE :p)
                ORDER BY books.title DESC, books.id""");
    }

    @Test
    void aSubqueryBelowAFilteredLinkRepeatsItsCondition() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);
        var matching = PlanShape.of(library.book).where("books.title LIKE :p")
                .link(library.bookAuthor, LoadStrategy.SUBQUERY, null);

        var joined = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.JOINED, matching)).root();
        var selectIn = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.SELECT_IN, matching)).root();

        assertThat(joined.steps().get(0).sql()).contains("WHERE authors.id IN (SELECT lp_books.author_id FROM "
                + "authors JOIN books AS lp_books ON lp_books.author_id = authors.id AND (lp_books.title LIKE :p))");
        assertThat(joined.jdbc()).as("the root holds the link's fragment: it runs through JDBI").isNull();
        assertThat(selectIn.steps().get(1).sql()).contains("WHERE authors.id IN (SELECT books.author_id FROM books "
                + "WHERE books.author_id = ANY(?) AND (books.title LIKE :p))");
        assertThat(selectIn.steps().get(1).jdbc().parameters()).containsExactly(JdbcSql.KEYS, "p");
    }

    @Test
    void aLinksPlanMayNotComeFromOtherRows() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);

        assertThatThrownBy(() -> PlanShape.of(library.author).link(library.books, LoadStrategy.SELECT_IN,
                PlanShape.of(library.book).byIdShape()))
                .isInstanceOf(PlanningException.class)
                .hasMessageStartingWith("the plan for Author.books comes from other rows (findById, fromSql or a "
                        + "recursive load); only the root plan can");
    }

    /**
     * A page of a plan joining a collection is a derived table named like the root table, without its schema: the
     * caller's order, naming the table with its schema, is repeated outside it by the table's name alone.
     */
    @Test
    void aPagedJoinedRootOrderedByItsTableWithTheSchemaOrdersTheDerivedTableAndKeepsItsRanks() {
        Entity author = new Entity("Author", new TableShape("authors", List.of("id", "name"), 0, "lib"), false);
        Entity book = new Entity("Book", new TableShape("books", List.of("id", "title", "author_id"), 0, "lib"), false);
        Relation books = new Relation(author, RelationShape.foreignKeyInTarget("books", true, "id", "author_id",
                List.of(new OrderTerm("id", false))), LoadStrategy.RAISE, true, book);
        author.relations.add(books);

        String root = Planner.plan(PlanShape.of(author).link(books, LoadStrategy.JOINED, null)
                .where("lib.authors.name <> :skip").orderBy("lib.authors.name DESC").paged("limit")).root().sql();

        assertThat(root).isEqualTo("""
                SELECT authors.id, authors.name, lp_books.id, lp_books.title, lp_books.author_id
                FROM (SELECT authors.id, authors.name, row_number() OVER (ORDER BY lib.authors.name DESC, \
                authors.id) AS lp_rank FROM lib.authors WHERE lib.authors.name <> :skip ORDER BY lib.authors.name \
                DESC, authors.id LIMIT :lp_limit OFFSET :lp_offset) AS authors
                LEFT OUTER JOIN lib.books AS lp_books ON lp_books.author_id = authors.id
                ORDER BY authors.lp_rank, lp_books.id""");
    }

    @Test
    void aLimitOnALinksPlanKeepsTheFirstRanksOfEachParentInOneStatement() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);
        var latest = PlanShape.of(library.book).orderBy("books.title DESC").paged("limit");

        String joined = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.JOINED, latest)).root().sql();
        var selectIn = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.SELECT_IN, latest)).root();
        String lazy = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.LAZY, latest)).statements().get(1);

        assertThat(joined).isEqualTo("""
                SELECT authors.id, authors.name, lp_books.id, lp_books.title, lp_books.author_id
                FROM authors
                LEFT OUTER JOIN (SELECT books.*, row_number() OVER (PARTITION BY books.author_id ORDER BY \
                books.title DESC, books.id) AS lp_rank FROM books) AS lp_books ON lp_books.author_id = authors.id \
                AND lp_books.lp_rank BETWEEN :lp_author_books_first AND :lp_author_books_last
                ORDER BY authors.id, lp_books.title DESC, lp_books.id""");
        assertThat(selectIn.steps().get(0).sql()).isEqualTo("""
                SELECT books.id, books.title, books.author_id
                FROM (SELECT books.*, row_number() OVER (PARTITION BY books.author_id ORDER BY books.title DESC, \
                books.id) AS lp_rank FROM books WHERE books.author_id = ANY(?)) AS books
                WHERE books.lp_rank BETWEEN :lp_author_books_first AND :lp_author_books_last
                ORDER BY books.title DESC, books.id""");
        assertThat(selectIn.steps().get(0).jdbc().parameters())
                .containsExactly(JdbcSql.KEYS, "lp_author_books_first", "lp_author_books_last");
        assertThat(lazy).contains("WHERE books.author_id = ?) AS books\nWHERE books.lp_rank BETWEEN");
    }

    @Test
    void aLimitOnAReferencesPlanIsRefused() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);

        assertThatThrownBy(() -> PlanShape.of(library.book).link(library.bookAuthor, LoadStrategy.SELECT_IN,
                PlanShape.of(library.author).paged("limit")))
                .isInstanceOf(PlanningException.class)
                .hasMessage("the plan for Book.author limits its rows (limit, offset), but Book.author holds one "
                        + "Author: a limit per parent applies to collections");
    }

    @Test
    void aNestedLinkIsOneColumnOfItsParentsStatementHoldingTheChildrenAsJson() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);

        var nested = Planner.plan(PlanShape.of(library.author).link(library.books, LoadStrategy.NESTED,
                PlanShape.of(library.book).link(library.bookAuthor, LoadStrategy.NESTED, null)));

        assertThat(nested.statements()).containsExactly("""
                SELECT authors.id, authors.name,
                    (SELECT coalesce(json_agg(json_build_array(lp_books.id, lp_books.title, lp_books.author_id,
                            (SELECT coalesce(json_agg(json_build_array(lp_books__author.id, lp_books__author.name)
                                    ORDER BY lp_books__author.id), '[]')
                                FROM authors AS lp_books__author
                                WHERE lp_books__author.id = lp_books.author_id))
                            ORDER BY lp_books.id), '[]')
                        FROM books AS lp_books
                        WHERE lp_books.author_id = authors.id)
                FROM authors
                ORDER BY authors.id""");
        var root = nested.root().reader();
        assertThat(root.nested()).singleElement().satisfies(link -> {
            assertThat(link.column()).as("after the author's two columns").isEqualTo(2);
            assertThat(link.target().offset()).as("a child's columns start its nested row").isZero();
            assertThat(link.target().nested().get(0).column()).isEqualTo(3);
            assertThat(link.target().distinctRows()).isFalse();
        });
        assertThat(nested.described().get(0).nested()).containsExactly(library.books, library.bookAuthor);
    }

    @Test
    void childrenOfANestedColumnWithOneParentEachAreReadWithoutTheIdentityMap() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);

        var books = Planner.plan(PlanShape.of(library.author).link(library.books, LoadStrategy.NESTED, null))
                .root().reader().nested().get(0).target();
        var authors = Planner.plan(PlanShape.of(library.book).link(library.bookAuthor, LoadStrategy.NESTED,
                null)).root().reader().nested().get(0).target();

        assertThat(books.distinctRows()).as("a book is in its one author's column").isTrue();
        assertThat(authors.distinctRows()).as("an author is in the column of each of its books").isFalse();
    }

    @Test
    void aNestedLinksConditionOrderAndLimitApplyInsideItsColumn() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);
        var matching = PlanShape.of(library.book).where("books.title LIKE :p").orderBy("books.title DESC");

        var filtered = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.NESTED, matching)).root();
        String limited = Planner.plan(PlanShape.of(library.author)
                .link(library.books, LoadStrategy.NESTED, matching.paged("limit"))).root().sql();

        assertThat(filtered.sql()).isEqualTo("""
                SELECT authors.id, authors.name,
                    (SELECT coalesce(json_agg(json_build_array(lp_books.id, lp_books.title, lp_books.author_id)
                            ORDER BY lp_books.title DESC, lp_books.id), '[]')
                        FROM books AS lp_books
                        WHERE lp_books.author_id = authors.id AND (lp_books.title LIKE :p))
                FROM authors
                ORDER BY authors.id""");
        assertThat(filtered.jdbc()).as("the root holds the link's fragment: it runs through JDBI").isNull();
        assertThat(limited).contains("FROM (SELECT books.*, row_number() OVER (PARTITION BY books.author_id ORDER "
                + "BY books.title DESC, books.id) AS lp_rank FROM books WHERE (books.title LIKE :p)) AS lp_books\n"
                + "        WHERE lp_books.author_id = authors.id AND lp_books.lp_rank BETWEEN :lp_author_books_first "
                + "AND :lp_author_books_last)");
    }

    @Test
    void whatANestedColumnHoldsIsNeverJoinedButStepsAndSubqueriesBelowItRun() {
        Library library = new Library(false, LoadStrategy.RAISE, LoadStrategy.RAISE);
        Entity review = new Entity("Review", new TableShape("reviews", List.of("id", "book_id"), 0), false);
        Relation reviews = new Relation(library.book, RelationShape.foreignKeyInTarget("reviews", true, "id",
                "book_id", List.of(new OrderTerm("id", false))), LoadStrategy.JOINED, true, review);
        library.book.relations.add(reviews);

        var subquery = Planner.plan(PlanShape.of(library.book).link(library.bookAuthor,
                LoadStrategy.NESTED, PlanShape.of(library.author).link(library.books, LoadStrategy.SUBQUERY, null)));
        var byDefault = Planner.plan(PlanShape.of(library.author).link(library.books, LoadStrategy.NESTED,
                null));

        assertThat(subquery.statements()).hasSize(2);
        assertThat(subquery.statements().get(1)).contains("WHERE books.author_id IN (SELECT lp_author.id FROM books "
                + "JOIN authors AS lp_author ON lp_author.id = books.author_id)");
        assertThat(byDefault.statements()).as("Book.reviews, JOINED by default, nests below a nested link").hasSize(1);
        assertThat(byDefault.root().reader().nested().get(0).target().nested())
                .extracting(NodePlan.Nested::relation).containsExactly(reviews);
        assertThatThrownBy(() -> PlanShape.of(library.author).link(library.books, LoadStrategy.LAZY,
                PlanShape.of(library.book).link(library.bookAuthor, LoadStrategy.NESTED,
                        PlanShape.of(library.author).link(library.books, LoadStrategy.JOINED, null))))
                .isInstanceOf(PlanningException.class)
                .as("refused as the plan is built, though the lazy statement is planned on first read")
                .hasMessage("Author.books cannot be JOINED below a NESTED link, whose column holds rows of one table: "
                        + "load it NESTED, which reads it in the same statement");
    }
}
