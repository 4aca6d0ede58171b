package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.loadplan.LoadPlanException;
import dev.loadplan.SchemaCheck;
import dev.loadplan.SchemaMismatch;
import dev.loadplan.Strategy;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import dev.loadplan.it.views.Author;
import dev.loadplan.it.views.AuthorCard;
import dev.loadplan.it.views.AuthorCardLoader;
import dev.loadplan.it.views.AuthorLoader;
import dev.loadplan.it.views.AuthorName;
import dev.loadplan.it.views.AuthorNameLoader;
import dev.loadplan.it.views.Book;
import dev.loadplan.it.views.BookLine;
import dev.loadplan.it.views.BookLineLoader;
import dev.loadplan.it.views.BookLoader;
import dev.loadplan.it.views.BookSummary;
import dev.loadplan.it.views.BookSummaryLoader;
import dev.loadplan.it.views.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 24: a view holds exactly what its plans load. Each view graph is the entity graph projected by hand, loaded
 * with every strategy, in the statements its loader's constants show, selecting no column the view does not name.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/views.sql")
class ViewsTest {

    private static final int AUTHORS = 30;

    @BeforeAll
    static void data(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("insert into publisher (id, name, address) select i, 'P' || i, repeat('a', 100) "
                    + "from generate_series(1, 3) i");
            // Every third author has no publisher; every fifth has no book.
            handle.execute("insert into author (id, name, born_year, biography, publisher_id) "
                    + "select i, 'A' || i, 1900 + i, repeat('biography ', 200), "
                    + "case when i % 3 = 0 then null else i % 3 end from generate_series(1, " + AUTHORS + ") i");
            handle.execute("insert into book (id, author_id, title, pages, format, blurb) "
                    + "select i, i % " + AUTHORS + " + 1, 'B' || i, case when i % 4 = 0 then null else i * 10 end, "
                    + "case when i % 2 = 0 then 'HARDCOVER' else 'PAPERBACK' end, "
                    + "repeat('blurb ', 300) from generate_series(1, 120) i where (i % " + AUTHORS + " + 1) % 5 <> 0");
            handle.execute("insert into tag (id, label, description) select i, 'T' || (10 - i), repeat('d', 500) "
                    + "from generate_series(1, 8) i");
            handle.execute("insert into book_tag (book_id, tag_id) select b.id, t.id from book b, tag t "
                    + "where (b.id + t.id) % 3 = 0");
        });
    }

    static Stream<Arguments> cardPlans() {
        return Stream.of(
                Arguments.of("plain (SELECT_IN, Author.books being LAZY)", (Supplier<AuthorCardLoader.Plan>)
                        AuthorCardLoader::plain, 2),
                Arguments.of("JOINED", (Supplier<AuthorCardLoader.Plan>) AuthorCardLoader::withBooksJoined, 1),
                Arguments.of("NESTED", (Supplier<AuthorCardLoader.Plan>) AuthorCardLoader::withBooksNested, 1),
                Arguments.of("SELECT_IN", (Supplier<AuthorCardLoader.Plan>) AuthorCardLoader::withBooksSelectIn, 2),
                Arguments.of("SUBQUERY", (Supplier<AuthorCardLoader.Plan>) AuthorCardLoader::withBooksSubquery, 2),
                Arguments.of("IMMEDIATE", (Supplier<AuthorCardLoader.Plan>) AuthorCardLoader::withBooksImmediate,
                        1 + AUTHORS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cardPlans")
    void authorCardsAreTheEntityGraphProjected(String name, Supplier<AuthorCardLoader.Plan> plan, int statements,
            Jdbi jdbi, StatementCounter counter) {
        List<AuthorCard> expected = AuthorLoader.withBooksSelectIn().list(jdbi).stream().map(ViewsTest::card)
                .toList();
        counter.reset();

        List<AuthorCard> cards = plan.get().list(jdbi);

        assertThat(cards).isEqualTo(expected);
        assertThat(counter.count()).isEqualTo(statements);
        assertThat(counter.statements()).allSatisfy(sql -> assertThat(sql).doesNotContain("biography", "blurb",
                "born_year", "publisher_id", "pages"));
        assertThat(counter.statements()).containsExactlyElementsOf(plan.get().sql().stream()
                .flatMap(sql -> Stream.generate(() -> sql).limit(sql.contains("= ?") ? AUTHORS : 1)).toList());
    }

    private static AuthorCard card(Author author) {
        return new AuthorCard(author.id(), author.name(), author.books().stream()
                .map(book -> new BookLine(book.id(), book.title())).toList());
    }

    @Test
    void aClassViewReadsRenamedColumnsAViewInARefAndTheEntityItself(Jdbi jdbi, StatementCounter counter) {
        List<Book> books = BookLoader.withAuthorJoined().withTagsSelectIn().list(jdbi);
        counter.reset();

        List<BookSummary> summaries = BookSummaryLoader.plain().list(jdbi);

        assertThat(counter.count()).as("as the constants say: Book.author's RAISE and Book.tags's RAISE load SELECT_IN")
                .isEqualTo(3);
        assertThat(BookSummaryLoader.plain().sql()).containsExactly(BookSummaryLoader.PLAIN,
                BookSummaryLoader.AUTHOR_SELECT_IN, BookSummaryLoader.TAGS_SELECT_IN);
        assertThat(summaries).hasSize(books.size());
        for (int i = 0; i < books.size(); i++) {
            Book book = books.get(i);
            BookSummary summary = summaries.get(i);
            assertThat(summary.id()).isEqualTo(book.id());
            assertThat(summary.heading()).isEqualTo(book.title());
            assertThat(summary.pages()).isEqualTo(book.pages());
            assertThat(summary.format()).isEqualTo(book.format());
            assertThat(summary.author().isLoaded()).isTrue();
            Author author = book.author().get();
            assertThat(summary.author().get()).isEqualTo(new AuthorName(author.id(), author.name(),
                    author.bornYear()));
            assertThat(summary.tags()).extracting(Tag::label)
                    .containsExactlyElementsOf(book.tags().stream().map(Tag::label).toList());
        }
        assertThat(counter.statements()).allSatisfy(sql -> assertThat(sql).doesNotContain("biography", "blurb",
                "publisher_id"));
    }

    @Test
    void aRefOfAViewMayBeLazyAndLoadsOnRead(Jdbi jdbi, StatementCounter counter) {
        List<BookSummary> summaries = BookSummaryLoader.withAuthorLazy().list(jdbi);
        counter.reset();

        Map<Long, AuthorName> byId = new java.util.HashMap<>();
        for (BookSummary summary : summaries) {
            AuthorName author = summary.author().get();
            assertThat(byId.computeIfAbsent(author.id(), id -> author)).isSameAs(author);
        }

        assertThat(counter.count()).as("one statement per distinct author").isEqualTo(byId.size());
    }

    @Test
    void aWildcardThatWouldLeaveAViewsRelationshipUnloadedIsRefused(Jdbi jdbi) {
        for (Strategy strategy : List.of(Strategy.RAISE, Strategy.NO_LOAD, Strategy.LAZY)) {
            assertThatThrownBy(() -> AuthorCardLoader.plain().defaultStrategy(strategy).list(jdbi))
                    .isInstanceOf(LoadPlanException.class)
                    .hasMessageContaining("AuthorCard.books is a relationship of a view, which every plan loads");
        }
        assertThat(AuthorCardLoader.plain().defaultStrategy(Strategy.JOINED).sql())
                .containsExactly(AuthorCardLoader.BOOKS_JOINED);
    }

    @Test
    void aSubPlanOfTheTargetViewGoesBelowIt(Jdbi jdbi) {
        List<AuthorCard> cards = AuthorCardLoader.withBooksSelectIn(BookLineLoader.plain().where("title LIKE 'B1%'"))
                .list(jdbi);

        assertThat(cards.stream().flatMap(card -> card.books().stream()).map(BookLine::title))
                .isNotEmpty().allSatisfy(title -> assertThat(title).startsWith("B1"));
    }

    @Test
    void findByIdStreamsAndTheCallersOwnJoinsLoadViewsToo(Jdbi jdbi, StatementCounter counter) {
        AuthorCard seven = card(AuthorLoader.withBooksJoined().findById(jdbi, 7).orElseThrow());

        assertThat(AuthorCardLoader.withBooksSelectIn().findById(jdbi, 7)).contains(seven);
        assertThat(AuthorCardLoader.withBooksJoined().findById(jdbi, 4_000)).isEmpty();
        List<AuthorCard> streamed = jdbi.withHandle(handle -> {
            // A stream reads from a cursor in the caller's transaction: REPEATABLE READ, so its statements agree.
            handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
            handle.begin();
            try (Stream<AuthorCard> cards = AuthorCardLoader.withBooksSelectIn().stream(handle, 7)) {
                return cards.toList();
            } finally {
                handle.rollback();
                handle.setTransactionIsolationLevel(TransactionIsolationLevel.READ_COMMITTED);
            }
        });
        assertThat(streamed).isEqualTo(AuthorCardLoader.withBooksSelectIn().list(jdbi));
        counter.reset();
        List<AuthorCard> contained = AuthorCardLoader.fromSql("SELECT {columns} FROM author "
                + "JOIN book ON book.author_id = author.id WHERE author.id = :id ORDER BY author.id, book.id")
                .containsBooks().bind("id", 7).list(jdbi);
        assertThat(contained).containsExactly(seven);
        assertThat(counter.statements()).singleElement().asString().doesNotContain("biography", "blurb");
    }

    @Test
    void linkCriteriaAndTopNWorkBelowAView(Jdbi jdbi) {
        List<AuthorCard> cards = AuthorCardLoader.withBooksSelectIn(BookLineLoader.plain().orderBy("title DESC")
                .limit(2)).list(jdbi);

        for (AuthorCard card : cards) {
            List<String> expected = AuthorLoader.withBooksSelectIn().findById(jdbi, card.id()).orElseThrow().books()
                    .stream().map(Book::title).sorted(java.util.Comparator.reverseOrder()).limit(2).toList();
            assertThat(card.books()).extracting(BookLine::title).isEqualTo(expected);
        }
    }

    @Test
    void schemaCheckCoversViewLoaders(Jdbi jdbi) throws Exception {
        List<SchemaMismatch> none = jdbi.withHandle(handle -> SchemaCheck.check(handle, AuthorCardLoader.SCHEMA,
                BookLineLoader.SCHEMA, BookSummaryLoader.SCHEMA, AuthorNameLoader.SCHEMA));
        assertThat(none).isEmpty();

        String views = new String(ViewsTest.class.getResourceAsStream("/schema/views.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        List<SchemaMismatch> drifted = jdbi.withHandle(handle -> {
            handle.execute("create schema drifted_views");
            handle.execute("set search_path to drifted_views");
            handle.createScript(views).execute();
            handle.execute("alter table book alter column title type integer using null");
            handle.execute("alter table author rename column born_year to year_of_birth");
            try {
                return SchemaCheck.check(handle, AuthorCardLoader.SCHEMA, BookLineLoader.SCHEMA,
                        AuthorNameLoader.SCHEMA);
            } finally {
                handle.execute("set search_path to public");
            }
        });
        assertThat(drifted).extracting(SchemaMismatch::entity, SchemaMismatch::field)
                .contains(tuple("BookLine", "title"), tuple("AuthorName", "bornYear"));
    }
}
