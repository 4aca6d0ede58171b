package dev.loadplan.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.sample.SampleApp.Results;
import dev.loadplan.sample.StrategyComparison.Row;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Runs the sample app's tour as {@code -Prun} does, on a real PostgreSQL, and checks the statement counts it reports
 * for every plan against what README's strategy table promises: JOINED and NESTED 1, SELECT_IN and SUBQUERY 2
 * whatever the number of parents, IMMEDIATE 1 and one per distinct parent key, LAZY 1 and one per author once read,
 * NO_LOAD and RAISE 1. The expected numbers follow from the rows loaded, not from the app: its own catalogue
 * first, then, on a server of the test's, rows of the test's, which the app must keep and count on.
 */
class SampleAppTest {

    /** No URL: the app starts and stops its own embedded PostgreSQL, as it does for a newcomer. */
    private static final Options EMBEDDED = new Options(Optional.empty(), null, null);

    @Test
    void onItsOwnEmbeddedDatabaseTheAppReportsTheStatementsEachStrategyPromises() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Results results = SampleApp.run(EMBEDDED, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);

        // The app's own catalogue: authors with several books each, and one without a book.
        assertThat(report).contains("data:     inserted 5 authors and 10 books");
        assertCounts(results, report, new Catalogue(5, 4, 10));
    }

    @Test
    void onYourServerTheAppKeepsYourRowsAndItsCountsFollowThem() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            // Tables as the app's migration makes them, then rows of ours: the app must keep them and count on them.
            Migrations.migrate(server.getPostgresDatabase());
            Jdbi.create(server.getPostgresDatabase()).useHandle(handle -> handle.createScript("""
                    insert into authors (name) values ('Ada'), ('Alan'), ('Grace');
                    insert into books (title, author_id) values ('Notes', 1), ('Computable Numbers', 2),
                        ('Intelligent Machinery', 2);
                    """).execute());
            Options yours = new Options(Optional.of(server.getJdbcUrl("postgres", "postgres")), null, null);

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Results results = SampleApp.run(yours, new PrintStream(printed, true, StandardCharsets.UTF_8));
            String report = printed.toString(StandardCharsets.UTF_8);

            assertThat(report).contains("schema:   up to date at version 1",
                    "data:     kept the 3 authors and 3 books already there");
            assertCounts(results, report, new Catalogue(3, 2, 3));
        }
    }

    /** The rows the app loads: authors, the authors that have a book, and books. */
    private record Catalogue(int authors, int authorsWithBooks, int books) {
    }

    private static void assertCounts(Results results, String report, Catalogue data) {
        int authors = data.authors();
        assertThat(results.authors()).as("rows of AuthorLoader plans: plan, at load, after reading")
                .extracting(Row::plan, Row::atLoad, Row::afterReading)
                .containsExactly(
                        row("AuthorLoader.withBooksJoined()", 1, 1),
                        row("AuthorLoader.withBooksNested()", 1, 1),
                        row("AuthorLoader.withBooksSelectIn()", 2, 2),
                        row("AuthorLoader.withBooksSubquery()", 2, 2),
                        row("AuthorLoader.withBooksImmediate()", 1 + authors, 1 + authors),
                        row("AuthorLoader.withBooksLazy()", 1, 1 + authors));
        assertThat(results.books()).as("rows of BookLoader plans: plan, at load, after reading")
                .extracting(Row::plan, Row::atLoad, Row::afterReading)
                .containsExactly(
                        row("BookLoader.withAuthorJoined()", 1, 1),
                        row("BookLoader.withAuthorNested()", 1, 1),
                        row("BookLoader.withAuthorSelectIn()", 2, 2),
                        row("BookLoader.withAuthorSubquery()", 2, 2),
                        row("BookLoader.withAuthorImmediate()", 1 + data.authorsWithBooks(),
                                1 + data.authorsWithBooks()));
        assertThat(results.authors()).as("every author plan: all authors, all their books, the JOINED graph")
                .allSatisfy(row -> {
                    assertThat(row.roots()).isEqualTo(authors);
                    assertThat(row.children()).isEqualTo(data.books());
                    assertThat(row.sameAsJoined()).isNotEqualTo(Boolean.FALSE);
                });
        assertThat(results.books()).as("every book plan: all books, one Author object per author, the JOINED graph")
                .allSatisfy(row -> {
                    assertThat(row.roots()).isEqualTo(data.books());
                    assertThat(row.children()).isEqualTo(data.authorsWithBooks());
                    assertThat(row.sameAsJoined()).isNotEqualTo(Boolean.FALSE);
                });

        assertThat(results.noLoad().statements()).as("NO_LOAD: its statements, load and reads").isEqualTo(1);
        assertThat(results.noLoad().readAs()).as("NO_LOAD: what books read as").containsExactly("[]");
        assertThat(results.noLoad().threw()).as("NO_LOAD: reads that threw").isZero();
        assertThat(results.plain().statements()).as("plain() (RAISE): its statements, load and reads").isEqualTo(1);
        assertThat(results.plain().threw()).as("plain() (RAISE): reads that threw").isEqualTo(authors);
        assertThat(results.sql()).as("the SQL shown").containsExactly(AuthorLoader.PLAIN, AuthorLoader.BOOKS_SELECT_IN);

        // What a reader sees: each row printed with the numbers checked above.
        List<String> lines = report.lines().toList();
        for (Row row : concat(results.authors(), results.books())) {
            Pattern printed = Pattern.compile(Pattern.quote(row.plan()) + "\\s+" + row.atLoad() + "\\s+"
                    + row.afterReading() + "\\s+" + row.roots() + "\\s+" + row.children() + "\\s+"
                    + (row.sameAsJoined() == null ? "\\(the reference\\)" : "yes"));
            assertThat(lines).as("the printed row of " + row.plan()).anyMatch(line -> printed.matcher(line).matches());
        }
        assertThat(lines).as("the printed NO_LOAD and RAISE lines")
                .anyMatch(line -> line.matches("AuthorLoader\\.withBooksNoLoad\\(\\)\\s+1 statement; .*\\(NO_LOAD\\)"))
                .anyMatch(line -> line.matches("AuthorLoader\\.plain\\(\\)\\s+1 statement; "
                        + "reading books throws for all " + authors + " authors \\(RAISE\\):"));
    }

    private static Tuple row(String plan, int atLoad, int afterReading) {
        return Tuple.tuple(plan, atLoad, afterReading);
    }

    private static List<Row> concat(List<Row> first, List<Row> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
