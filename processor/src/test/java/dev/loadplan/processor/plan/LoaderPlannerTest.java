package dev.loadplan.processor.plan;

import static dev.loadplan.processor.plan.Models.column;
import static dev.loadplan.processor.plan.Models.entity;
import static dev.loadplan.processor.plan.Models.foreignKey;
import static dev.loadplan.processor.plan.Models.id;
import static dev.loadplan.processor.plan.Models.manyToMany;
import static dev.loadplan.processor.plan.Models.manyToOne;
import static dev.loadplan.processor.plan.Models.oneToMany;
import static dev.loadplan.processor.plan.Models.orderBy;
import static dev.loadplan.processor.plan.Models.planned;
import static dev.loadplan.processor.plan.Models.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.loadplan.planner.LoadStrategy;
import dev.loadplan.planner.sql.TableShape;
import dev.loadplan.processor.model.ColumnModel;
import dev.loadplan.processor.model.EntityModel;
import dev.loadplan.processor.model.RelationshipModel;
import dev.loadplan.processor.model.ScalarType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loader's fixed statements, read as a table of constant (relationship and strategy) to exact SQL. The
 * planner knows nothing of {@code javax.lang.model}: the models are built by hand.
 */
class LoaderPlannerTest {

    private static final List<ColumnModel> AUTHOR_COLUMNS = List.of(
            id("id", ScalarType.LONG, true), column("name", ScalarType.STRING));
    private static final List<ColumnModel> BOOK_COLUMNS = List.of(
            id("id", ScalarType.LONG, true), column("title", ScalarType.STRING),
            foreignKey("author_id", ScalarType.LONG_BOX));
    private static final List<ColumnModel> TAG_COLUMNS = List.of(
            id("id", ScalarType.LONG, true), column("label", ScalarType.STRING));

    private static final TableShape AUTHORS = table("authors", AUTHOR_COLUMNS);
    private static final TableShape BOOKS = table("books", BOOK_COLUMNS);
    private static final TableShape TAGS = table("tags", TAG_COLUMNS);

    /** Tables named by reserved words, and a column that is not lower-case, so all need quotes. */
    private static final List<ColumnModel> USER_COLUMNS = List.of(
            id("id", ScalarType.UUID, false), column("name", ScalarType.STRING));
    private static final List<ColumnModel> ORDER_COLUMNS = List.of(
            id("id", ScalarType.INT, true), foreignKey("user_id", ScalarType.UUID),
            column("placedAt", ScalarType.OFFSET_DATE_TIME));

    private static final TableShape USERS = table("user", USER_COLUMNS);
    private static final TableShape ORDERS = table("order", ORDER_COLUMNS);

    @Test
    void everyStrategyOfAOneToMany() {
        EntityModel author = entity("Author", "authors", AUTHOR_COLUMNS,
                oneToMany("books", "Book", BOOKS, "id", "author_id", ScalarType.LONG_BOX, orderBy("title", true)));

        assertThat(statements(author)).containsExactly(
                entry("PLAIN", """
                        SELECT authors.id, authors.name
                        FROM authors
                        ORDER BY authors.id"""),
                entry("BOOKS_JOINED", """
                        SELECT authors.id, authors.name, lp_books.id, lp_books.title, lp_books.author_id
                        FROM authors
                        LEFT OUTER JOIN books AS lp_books ON lp_books.author_id = authors.id
                        ORDER BY authors.id, lp_books.title DESC, lp_books.id"""),
                entry("BOOKS_NESTED", """
                        SELECT authors.id, authors.name,
                            (SELECT coalesce(json_agg(json_build_array(lp_books.id, lp_books.title, lp_books.author_id)
                                    ORDER BY lp_books.title DESC, lp_books.id), '[]')
                                FROM books AS lp_books
                                WHERE lp_books.author_id = authors.id)
                        FROM authors
                        ORDER BY authors.id"""),
                entry("BOOKS_SELECT_IN", """
                        SELECT books.id, books.title, books.author_id
                        FROM books
                        WHERE books.author_id = ANY(?)
                        ORDER BY books.author_id, books.title DESC, books.id"""),
                entry("BOOKS_SUBQUERY", """
                        SELECT books.id, books.title, books.author_id
                        FROM books
                        WHERE books.author_id IN (SELECT authors.id FROM authors)
                        ORDER BY books.author_id, books.title DESC, books.id"""),
                entry("BOOKS_PER_PARENT", """
                        SELECT books.id, books.title, books.author_id
                        FROM books
                        WHERE books.author_id = ?
                        ORDER BY books.title DESC, books.id"""));
    }

    @Test
    void oneToManyWithoutOrderByIsInTheTargetsKeyOrder() {
        EntityModel author = entity("Author", "authors", AUTHOR_COLUMNS,
                oneToMany("books", "Book", BOOKS, "id", "author_id", ScalarType.LONG_BOX));

        assertThat(statements(author)).containsEntry("BOOKS_JOINED", """
                SELECT authors.id, authors.name, lp_books.id, lp_books.title, lp_books.author_id
                FROM authors
                LEFT OUTER JOIN books AS lp_books ON lp_books.author_id = authors.id
                ORDER BY authors.id, lp_books.id""")
                .containsEntry("BOOKS_SELECT_IN", """
                SELECT books.id, books.title, books.author_id
                FROM books
                WHERE books.author_id = ANY(?)
                ORDER BY books.id""");
    }

    @Test
    void everyStrategyOfAManyToOne() {
        EntityModel book = entity("Book", "books", BOOK_COLUMNS,
                manyToOne("author", "Author", AUTHORS, "author_id", ScalarType.LONG_BOX, false));

        assertThat(statements(book)).containsExactly(
                entry("PLAIN", """
                        SELECT books.id, books.title, books.author_id
                        FROM books
                        ORDER BY books.id"""),
                entry("AUTHOR_JOINED", """
                        SELECT books.id, books.title, books.author_id, lp_author.id, lp_author.name
                        FROM books
                        LEFT OUTER JOIN authors AS lp_author ON lp_author.id = books.author_id
                        ORDER BY books.id"""),
                entry("AUTHOR_NESTED", """
                        SELECT books.id, books.title, books.author_id,
                            (SELECT coalesce(json_agg(json_build_array(lp_author.id, lp_author.name)
                                    ORDER BY lp_author.id), '[]')
                                FROM authors AS lp_author
                                WHERE lp_author.id = books.author_id)
                        FROM books
                        ORDER BY books.id"""),
                entry("AUTHOR_SELECT_IN", """
                        SELECT authors.id, authors.name
                        FROM authors
                        WHERE authors.id = ANY(?)"""),
                entry("AUTHOR_SUBQUERY", """
                        SELECT authors.id, authors.name
                        FROM authors
                        WHERE authors.id IN (SELECT books.author_id FROM books)"""),
                entry("AUTHOR_PER_PARENT", """
                        SELECT authors.id, authors.name
                        FROM authors
                        WHERE authors.id = ?"""));
    }

    @Test
    void manyToOneWithInnerJoinJoinsWithInnerJoin() {
        EntityModel book = entity("Book", "books", BOOK_COLUMNS,
                manyToOne("author", "Author", AUTHORS, "author_id", ScalarType.LONG_BOX, true));

        assertThat(statements(book)).containsEntry("AUTHOR_JOINED", """
                SELECT books.id, books.title, books.author_id, lp_author.id, lp_author.name
                FROM books
                JOIN authors AS lp_author ON lp_author.id = books.author_id
                ORDER BY books.id""");
    }

    @Test
    void everyStrategyOfAManyToMany() {
        EntityModel book = entity("Book", "books", BOOK_COLUMNS,
                manyToMany("tags", "Tag", TAGS, "id", "book_tags", "book_id", "tag_id", ScalarType.LONG_BOX,
                        orderBy("label", false)));

        assertThat(statements(book)).containsExactly(
                entry("PLAIN", """
                        SELECT books.id, books.title, books.author_id
                        FROM books
                        ORDER BY books.id"""),
                entry("TAGS_JOINED", """
                        SELECT books.id, books.title, books.author_id, lp_tags.id, lp_tags.label
                        FROM books
                        LEFT OUTER JOIN book_tags AS lp_tags__link ON lp_tags__link.book_id = books.id
                        LEFT OUTER JOIN tags AS lp_tags ON lp_tags.id = lp_tags__link.tag_id
                        ORDER BY books.id, lp_tags.label, lp_tags.id"""),
                entry("TAGS_NESTED", """
                        SELECT books.id, books.title, books.author_id,
                            (SELECT coalesce(json_agg(json_build_array(lp_tags.id, lp_tags.label)
                                    ORDER BY lp_tags.label, lp_tags.id), '[]')
                                FROM tags AS lp_tags JOIN book_tags AS lp_tags__link ON lp_tags__link.tag_id = lp_tags.id
                                WHERE lp_tags__link.book_id = books.id)
                        FROM books
                        ORDER BY books.id"""),
                entry("TAGS_SELECT_IN", """
                        SELECT book_tags.book_id, tags.id, tags.label
                        FROM tags
                        JOIN book_tags ON book_tags.tag_id = tags.id
                        WHERE book_tags.book_id = ANY(?)
                        ORDER BY book_tags.book_id, tags.label, tags.id"""),
                entry("TAGS_SUBQUERY", """
                        SELECT book_tags.book_id, tags.id, tags.label
                        FROM tags
                        JOIN book_tags ON book_tags.tag_id = tags.id
                        WHERE book_tags.book_id IN (SELECT books.id FROM books)
                        ORDER BY book_tags.book_id, tags.label, tags.id"""),
                entry("TAGS_PER_PARENT", """
                        SELECT book_tags.book_id, tags.id, tags.label
                        FROM tags
                        JOIN book_tags ON book_tags.tag_id = tags.id
                        WHERE book_tags.book_id = ?
                        ORDER BY tags.label, tags.id"""));
    }

    @Test
    void oneToManyBetweenReservedWordTablesQuotesThem() {
        EntityModel user = entity("User", "user", USER_COLUMNS,
                oneToMany("orders", "Order", ORDERS, "id", "user_id", ScalarType.UUID, orderBy("placedAt", true)));

        assertThat(statements(user)).containsExactly(
                entry("PLAIN", """
                        SELECT "user".id, "user".name
                        FROM "user"
                        ORDER BY "user".id"""),
                entry("ORDERS_JOINED", """
                        SELECT "user".id, "user".name, lp_orders.id, lp_orders.user_id, lp_orders."placedAt"
                        FROM "user"
                        LEFT OUTER JOIN "order" AS lp_orders ON lp_orders.user_id = "user".id
                        ORDER BY "user".id, lp_orders."placedAt" DESC, lp_orders.id"""),
                entry("ORDERS_NESTED", """
                        SELECT "user".id, "user".name,
                            (SELECT coalesce(json_agg(json_build_array(lp_orders.id, lp_orders.user_id,
                                    lp_orders."placedAt")
                                    ORDER BY lp_orders."placedAt" DESC, lp_orders.id), '[]')
                                FROM "order" AS lp_orders
                                WHERE lp_orders.user_id = "user".id)
                        FROM "user"
                        ORDER BY "user".id"""),
                entry("ORDERS_SELECT_IN", """
                        SELECT "order".id, "order".user_id, "order"."placedAt"
                        FROM "order"
                        WHERE "order".user_id = ANY(?)
                        ORDER BY "order".user_id, "order"."placedAt" DESC, "order".id"""),
                entry("ORDERS_SUBQUERY", """
                        SELECT "order".id, "order".user_id, "order"."placedAt"
                        FROM "order"
                        WHERE "order".user_id IN (SELECT "user".id FROM "user")
                        ORDER BY "order".user_id, "order"."placedAt" DESC, "order".id"""),
                entry("ORDERS_PER_PARENT", """
                        SELECT "order".id, "order".user_id, "order"."placedAt"
                        FROM "order"
                        WHERE "order".user_id = ?
                        ORDER BY "order"."placedAt" DESC, "order".id"""));
    }

    @Test
    void manyToOneBetweenReservedWordTablesQuotesThem() {
        EntityModel order = entity("Order", "order", ORDER_COLUMNS,
                manyToOne("user", "User", USERS, "user_id", ScalarType.UUID, false));

        assertThat(statements(order)).containsExactly(
                entry("PLAIN", """
                        SELECT "order".id, "order".user_id, "order"."placedAt"
                        FROM "order"
                        ORDER BY "order".id"""),
                entry("USER_JOINED", """
                        SELECT "order".id, "order".user_id, "order"."placedAt", lp_user.id, lp_user.name
                        FROM "order"
                        LEFT OUTER JOIN "user" AS lp_user ON lp_user.id = "order".user_id
                        ORDER BY "order".id"""),
                entry("USER_NESTED", """
                        SELECT "order".id, "order".user_id, "order"."placedAt",
                            (SELECT coalesce(json_agg(json_build_array(lp_user.id, lp_user.name)
                                    ORDER BY lp_user.id), '[]')
                                FROM "user" AS lp_user
                                WHERE lp_user.id = "order".user_id)
                        FROM "order"
                        ORDER BY "order".id"""),
                entry("USER_SELECT_IN", """
                        SELECT "user".id, "user".name
                        FROM "user"
                        WHERE "user".id = ANY(?)"""),
                entry("USER_SUBQUERY", """
                        SELECT "user".id, "user".name
                        FROM "user"
                        WHERE "user".id IN (SELECT "order".user_id FROM "order")"""),
                entry("USER_PER_PARENT", """
                        SELECT "user".id, "user".name
                        FROM "user"
                        WHERE "user".id = ?"""));
    }

    @Test
    void relationshipsKeepTheirDeclarationOrder() {
        EntityModel book = entity("Book", "books", BOOK_COLUMNS,
                manyToMany("tags", "Tag", TAGS, "id", "book_tags", "book_id", "tag_id", ScalarType.LONG_BOX),
                manyToOne("author", "Author", AUTHORS, "author_id", ScalarType.LONG_BOX, false));

        assertThat(statements(book).keySet()).containsExactly("PLAIN",
                "TAGS_JOINED", "TAGS_NESTED", "TAGS_SELECT_IN", "TAGS_SUBQUERY", "TAGS_PER_PARENT",
                "AUTHOR_JOINED", "AUTHOR_NESTED", "AUTHOR_SELECT_IN", "AUTHOR_SUBQUERY", "AUTHOR_PER_PARENT");
    }

    @Test
    void eachEntryPointNamesTheStatementsItRuns() {
        EntityModel author = entity("Author", "authors", AUTHOR_COLUMNS,
                oneToMany("books", "Book", BOOKS, "id", "author_id", ScalarType.LONG_BOX));

        assertThat(LoaderPlanner.plan(author, planned(author)).entryPoints())
                .extracting(EntryPoint::method, EntryPoint::constants, EntryPoint::runs)
                .containsExactly(
                        tuple("plain", List.of("PLAIN"), "runs {@link #PLAIN}"),
                        tuple("withBooksJoined", List.of("BOOKS_JOINED"), "runs {@link #BOOKS_JOINED}"),
                        tuple("withBooksNested", List.of("BOOKS_NESTED"), "runs {@link #BOOKS_NESTED}"),
                        tuple("withBooksSelectIn", List.of("PLAIN", "BOOKS_SELECT_IN"),
                                "runs {@link #PLAIN}, then {@link #BOOKS_SELECT_IN}"),
                        tuple("withBooksSubquery", List.of("PLAIN", "BOOKS_SUBQUERY"),
                                "runs {@link #PLAIN}, then {@link #BOOKS_SUBQUERY}"),
                        tuple("withBooksLazy", List.of("PLAIN", "BOOKS_PER_PARENT"), "runs {@link #PLAIN}; when "
                                + "{@code Author.books} is first read, {@link #BOOKS_PER_PARENT} once per parent"),
                        tuple("withBooksImmediate", List.of("PLAIN", "BOOKS_PER_PARENT"), "runs {@link #PLAIN}, then "
                                + "{@link #BOOKS_PER_PARENT} once per distinct parent key"),
                        tuple("withBooksNoLoad", List.of("PLAIN"), "runs {@link #PLAIN}; {@code books} reads as an "
                                + "empty list"),
                        tuple("withBooksRaise", List.of("PLAIN"), "runs {@link #PLAIN}; reading {@code books} "
                                + "throws {@code RelationshipNotLoadedException}"));
    }

    @Test
    void aDeclaredEagerDefaultIsInEveryConstantThatRunsIt() {
        EntityModel book = entity("Book", "books", BOOK_COLUMNS,
                declared(manyToOne("author", "Author", AUTHORS, "author_id", ScalarType.LONG_BOX, false),
                        LoadStrategy.JOINED),
                declared(manyToMany("tags", "Tag", TAGS, "id", "book_tags", "book_id", "tag_id",
                        ScalarType.LONG_BOX), LoadStrategy.SELECT_IN));

        LoaderPlanner.Loader loader = LoaderPlanner.plan(book, planned(book));

        assertThat(constants(loader)).containsEntry("PLAIN", """
                SELECT books.id, books.title, books.author_id, lp_author.id, lp_author.name
                FROM books
                LEFT OUTER JOIN authors AS lp_author ON lp_author.id = books.author_id
                ORDER BY books.id""");
        assertThat(loader.entryPoints()).filteredOn(entryPoint -> entryPoint.method().equals("plain"))
                .extracting(EntryPoint::constants).containsExactly(List.of("PLAIN", "TAGS_SELECT_IN"));
        // Naming the joined relationship SELECT_IN leaves it out of the root statement, which is a new one.
        assertThat(loader.entryPoints()).filteredOn(entryPoint -> entryPoint.method().equals("withAuthorSelectIn"))
                .extracting(EntryPoint::constants)
                .containsExactly(List.of("WITH_AUTHOR_SELECT_IN_ROOT", "AUTHOR_SELECT_IN", "TAGS_SELECT_IN"));
        assertThat(constants(loader).get("WITH_AUTHOR_SELECT_IN_ROOT")).isEqualTo("""
                SELECT books.id, books.title, books.author_id
                FROM books
                ORDER BY books.id""");
    }

    @Test
    void aCamelCaseFieldNamesItsConstantsInUpperSnakeCase() {
        EntityModel order = entity("Order", "order", ORDER_COLUMNS,
                manyToOne("billingUser", "User", USERS, "user_id", ScalarType.UUID, false));

        assertThat(statements(order).keySet())
                .containsExactly("PLAIN", "BILLING_USER_JOINED", "BILLING_USER_NESTED", "BILLING_USER_SELECT_IN",
                        "BILLING_USER_SUBQUERY", "BILLING_USER_PER_PARENT");
        // A plain reference field can neither load lazily nor raise: no such methods.
        assertThat(LoaderPlanner.plan(order, planned(order)).entryPoints()).extracting(EntryPoint::method)
                .containsExactly("plain", "withBillingUserJoined", "withBillingUserNested", "withBillingUserSelectIn",
                        "withBillingUserSubquery", "withBillingUserImmediate", "withBillingUserNoLoad");
    }

    @Test
    void eachRelationshipHasAnEntryPointKeepingTheStrategyPlainGivesIt() {
        EntityModel book = entity("Book", "books", BOOK_COLUMNS,
                manyToOne("author", "Author", AUTHORS, "author_id", ScalarType.LONG_BOX, false),
                declared(manyToMany("tags", "Tag", TAGS, "id", "book_tags", "book_id", "tag_id",
                        ScalarType.LONG_BOX), LoadStrategy.SELECT_IN));
        List<ColumnModel> nodeColumns = List.of(id("id", ScalarType.LONG, true),
                foreignKey("parent_id", ScalarType.LONG_BOX));
        EntityModel node = entity("Node", "node", nodeColumns, declared(oneToMany("children", "Node",
                table("node", nodeColumns), "id", "parent_id", ScalarType.LONG_BOX), LoadStrategy.SELECT_IN));

        assertThat(LoaderPlanner.plan(book, planned(book)).defaultLinks())
                .extracting(DefaultLinkEntryPoint::method, DefaultLinkEntryPoint::atRoot)
                .as("a plain reference declaring nothing is left unloaded; a declared default is kept")
                .containsExactly(tuple("withAuthor", LoadStrategy.NO_LOAD), tuple("withTags", LoadStrategy.SELECT_IN));
        assertThat(LoaderPlanner.plan(node, planned(node)).defaultLinks())
                .extracting(DefaultLinkEntryPoint::method, DefaultLinkEntryPoint::atRoot)
                .as("an eager default into the entity itself is not followed")
                .containsExactly(tuple("withChildren", LoadStrategy.RAISE));
    }

    private static RelationshipModel declared(RelationshipModel relationship, LoadStrategy strategy) {
        return new RelationshipModel(relationship.field(), relationship.access(), relationship.form(),
                relationship.target(), relationship.kind(), relationship.shape(), relationship.targetTable(),
                relationship.keyType(), strategy, relationship.inverseOf());
    }

    /** Constant name to SQL, in the order the loader declares them. */
    private static Map<String, String> statements(EntityModel entity) {
        return constants(LoaderPlanner.plan(entity, planned(entity)));
    }

    private static Map<String, String> constants(LoaderPlanner.Loader loader) {
        Map<String, String> statements = new LinkedHashMap<>();
        for (StatementConstant statement : loader.constants()) {
            statements.put(statement.name(), statement.sql());
        }
        return statements;
    }
}
