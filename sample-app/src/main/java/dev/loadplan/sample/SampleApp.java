package dev.loadplan.sample;

import dev.loadplan.sample.StrategyComparison.Row;
import dev.loadplan.sample.UnloadedReads.Outcome;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The sample's entry point: a PostgreSQL (embedded, or yours with {@code --url}), the schema through Flyway,
 * a small catalogue through the generated DAOs, then every strategy of the generated loaders side by side, and
 * what reading a relationship that a plan did not load does.
 *
 * <p>Run from the repository root: {@code mvn -B -ntp -q -pl sample-app -am package -DskipTests -Prun}.
 */
public final class SampleApp {

    private SampleApp() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            run(options, System.out);
        } catch (Exception e) {
            System.err.println("The sample app failed: " + messages(e));
            status = 1;
        }
        // Only after run has closed the database: exiting inside it would skip stopping the server.
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * What the app measured, as it printed it, so that a test checks the numbers without parsing the text: the
     * comparison rows of authors and of books, the two plans that leave the books unloaded, and the SQL shown.
     */
    record Results(List<Row> authors, List<Row> books, Outcome noLoad, Outcome plain, List<String> sql) {
    }

    /** The whole tour on the database {@code options} name, printed to {@code out}; main without the exit. */
    static Results run(Options options, PrintStream out) throws IOException, SQLException {
        // try-with-resources stops the embedded server (and deletes its files) even when the run fails.
        try (Database database = Database.open(options)) {
            return run(database, new Report(out));
        }
    }

    private static Results run(Database database, Report report) {
        report.line("database: " + database.description());
        report.line("schema:   " + Migrations.migrate(database.dataSource()));

        Jdbi jdbi = Jdbi.create(database.dataSource());
        StatementCounter counter = new StatementCounter();
        jdbi.setSqlLogger(counter);
        report.line("data:     " + SampleData.fillIfEmpty(jdbi));
        report.line("");

        StrategyComparison comparison = new StrategyComparison(jdbi, counter);
        List<Row> authors = comparison.authors();
        List<Row> books = comparison.books();
        report.table(List.of(authors, books));
        report.line("");
        report.line("at load: statements list(jdbi) ran. after reading: the total once every author's books (every");
        report.line("book's author) had been read. IMMEDIATE runs one more statement per author during the load");
        report.line("(for books: per distinct author_id), LAZY one per author at the first read of its books.");
        report.line("roots: entities the plan returns. children: entities loaded below them; books that share an");
        report.line("author share one Author object (one identity map per load), so it counts authors, not books.");
        report.line("Book.author has no LAZY row: a plain Author field reads as null unless loaded, so only a");
        report.line("Ref<Author> field gets withAuthorLazy() and withAuthorRaise().");
        report.line("");

        UnloadedReads unloaded = new UnloadedReads(jdbi, counter);
        report.line("Plans that do not load the books decide what reading them does:");
        Outcome noLoad = unloaded.noLoad();
        Outcome plain = unloaded.plain();
        report.unloaded(noLoad, "NO_LOAD");
        report.unloaded(plain, "RAISE");
        report.line("NO_LOAD: no error, and books not loaded look like no books. RAISE: a forgotten link fails at");
        report.line("its first read. Author.books declares no strategy, so plain() gets RAISE, as withBooksRaise().");
        report.line("");

        // The statements come from the generated constants (AuthorLoader.PLAIN, BOOKS_SELECT_IN): no need to
        // run anything to read them, here or in the IDE.
        List<String> sql = AuthorLoader.withBooksSelectIn().sql();
        report.sql("AuthorLoader.withBooksSelectIn()", sql);
        report.line("(the ? is one bigint[] parameter: the ids of the authors the first statement returned)");
        return new Results(authors, books, noLoad, plain, sql);
    }

    /** The exception's message and its causes', which say more than a stack trace to someone running a sample. */
    private static String messages(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(System.lineSeparator()).append("  caused by: ").append(cause);
        }
        return text.toString();
    }
}
