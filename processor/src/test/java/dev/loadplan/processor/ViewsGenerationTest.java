package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedText;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a {@code @View} generates: a loader and a mapping, no DAO; entry points that never leave a relationship
 * unloaded; statements that select only the view's columns and the keys its relationships join on. Also the
 * views whose entity, or whose held view, was compiled before, and Eclipse's compiler.
 */
class ViewsGenerationTest {

    private static final String VIEW = "import dev.loadplan.annotations.View;\n\n";

    private static final JavaFileObject AUTHOR = entity("Author", """
            @Entity(table = "authors")
            public class Author {
                @Id long id;
                String name;
                int bornYear;
                String biography;
                @Relationship(joinColumn = "publisher_id", strategy = Strategy.JOINED) Publisher publisher;
                @Relationship(mappedBy = "author", orderBy = "id", strategy = Strategy.LAZY) List<Book> books;
            }
            """);

    private static final JavaFileObject BOOK = entity("Book", """
            @Entity(table = "books")
            public class Book {
                @Id long id;
                String title;
                int pages;
                String blurb;
                @Relationship(joinColumn = "author_id") Ref<Author> author;
            }
            """);

    private static final JavaFileObject PUBLISHER = entity("Publisher", """
            @Entity(table = "publishers")
            public class Publisher {
                @Id long id;
                String name;
                String address;
            }
            """);

    /** The README's list page. */
    private static final JavaFileObject AUTHOR_CARD = view("AuthorCard", """
            @View(Author.class)
            public record AuthorCard(long id, String name, List<BookLine> books) {
            }
            """);

    private static final JavaFileObject BOOK_LINE = view("BookLine", """
            @View(Book.class)
            public record BookLine(long id, String title) {
            }
            """);

    private static final JavaFileObject AUTHOR_NAME = view("AuthorName", """
            @View(Author.class)
            public record AuthorName(long id, String name) {
            }
            """);

    /** A to-one held in a {@code Ref}, the only form a view's relationship may be LAZY in. */
    private static final JavaFileObject BOOK_BYLINE = view("BookByline", """
            @View(Book.class)
            public record BookByline(long id, String title, Ref<AuthorName> author) {
            }
            """);

    /** A to-one held plainly, declared JOINED, and a collection of the entity itself. */
    private static final JavaFileObject AUTHOR_SHELF = view("AuthorShelf", """
            @View(Author.class)
            public record AuthorShelf(long id, Publisher publisher, List<Book> books) {
            }
            """);

    private static final Pattern ENTRY_POINT = Pattern.compile("public (?:static )?Plan (\\w+)\\(");

    private static JavaFileObject view(String simpleName, String body) {
        return entity(simpleName, VIEW + body);
    }

    private static Compilation compileDomain(JavaFileObject... views) {
        return compile(Stream.concat(Stream.of(AUTHOR, BOOK, PUBLISHER), Stream.of(views))
                .toArray(JavaFileObject[]::new));
    }

    private static String loader(Compilation compilation, String view) {
        return generatedText(compilation, "test." + view + "Loader").orElseThrow();
    }

    @Test
    void aViewGetsALoaderAndAMappingButNoDao() {
        Compilation compilation = compileDomain(AUTHOR_CARD, BOOK_LINE);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.createdSources(compilation)).containsExactlyInAnyOrder(
                "test.AuthorMapping", "test.AuthorLoader", "test.AuthorDao",
                "test.BookMapping", "test.BookLoader", "test.BookDao",
                "test.PublisherMapping", "test.PublisherLoader", "test.PublisherDao",
                "test.AuthorCardMapping", "test.AuthorCardLoader",
                "test.BookLineMapping", "test.BookLineLoader");
    }

    @Test
    void aViewsLoaderNeverLeavesARelationshipUnloaded() {
        Compilation compilation = compileDomain(AUTHOR_CARD, BOOK_LINE, AUTHOR_NAME, BOOK_BYLINE, AUTHOR_SHELF);
        assertThat(compilation).succeededWithoutWarnings();

        // The entity offers every strategy for books, the view none that leaves them unloaded.
        assertThat(entryPoints(loader(compilation, "Author")))
                .contains("withBooksRaise", "withBooksNoLoad", "withBooksLazy");
        assertThat(entryPoints(loader(compilation, "AuthorCard"))).containsExactlyInAnyOrder("fromSql", "plain",
                "withBooks", "withBooksJoined", "withBooksNested", "withBooksSelectIn", "withBooksSubquery",
                "withBooksImmediate", "containsBooks");
        // A Ref may be LAZY: it loads on first read, never in an unloaded state.
        assertThat(entryPoints(loader(compilation, "BookByline"))).contains("withAuthorLazy")
                .doesNotContain("withAuthorRaise", "withAuthorNoLoad");
        // A plain reference and a list of the entity itself may not.
        assertThat(entryPoints(loader(compilation, "AuthorShelf")))
                .contains("withPublisherJoined", "withBooksSelectIn")
                .doesNotContain("withPublisherLazy", "withPublisherRaise", "withPublisherNoLoad", "withBooksLazy",
                        "withBooksRaise", "withBooksNoLoad");
        assertThat(loader(compilation, "AuthorCard"))
                .contains("public Optional<AuthorCard> findById(Handle handle, long id) {")
                .contains("public Optional<AuthorCard> findById(Jdbi jdbi, long id) {");
    }

    @Test
    void aViewsStatementsSelectOnlyItsColumns() {
        Compilation compilation = compileDomain(AUTHOR_CARD, BOOK_LINE);
        assertThat(compilation).succeededWithoutWarnings();

        // No born_year, biography nor publisher_id, which the view does not hold; no blurb, pages nor author_id,
        // which its books do not: the one-to-many's key is selected first, apart from the columns of the rows.
        assertThat(loader(compilation, "AuthorCard"))
                .contains("""
                        public static final String PLAIN = "SELECT authors.id, authors.name\\n"
                                    + "FROM authors\\n"
                                    + "ORDER BY authors.id";
                        """)
                .contains("""
                        public static final String BOOKS_SELECT_IN = "SELECT books.author_id, books.id, books.title\\n"
                                    + "FROM books\\n"
                                    + "WHERE books.author_id = ANY(?)\\n"
                                    + "ORDER BY books.id";
                        """)
                .contains("""
                        public static final String BOOKS_JOINED = "SELECT authors.id, authors.name, lp_books.id, \
                        lp_books.title\\n"
                                    + "FROM authors\\n"
                                    + "LEFT OUTER JOIN books AS lp_books ON lp_books.author_id = authors.id\\n"
                                    + "ORDER BY authors.id, lp_books.id";
                        """)
                // Author.books is declared LAZY, which a view cannot be: a plan that does not name it loads it
                // SELECT_IN.
                .contains(".entryPoint(\"plain()\", Plans.PLAIN, \"PLAIN\", \"BOOKS_SELECT_IN\")");
        assertThat(loader(compilation, "BookLine")).contains("""
                public static final String PLAIN = "SELECT books.id, books.title\\n"
                            + "FROM books\\n"
                            + "ORDER BY books.id";
                """);
    }

    @Test
    void aViewSelectsTheForeignKeysOfItsToOneRelationshipsAndLoadsThemAsDeclaredWhenEager() {
        Compilation compilation = compileDomain(AUTHOR_NAME, BOOK_BYLINE, AUTHOR_SHELF);
        assertThat(compilation).succeededWithoutWarnings();

        assertThat(loader(compilation, "BookByline")).contains("""
                public static final String PLAIN = "SELECT books.id, books.title, books.author_id\\n"
                            + "FROM books\\n"
                            + "ORDER BY books.id";
                """).contains("""
                public static final String AUTHOR_SELECT_IN = "SELECT authors.id, authors.name\\n"
                            + "FROM authors\\n"
                            + "WHERE authors.id = ANY(?)";
                """);
        // Author.publisher is declared JOINED: a plan that does not name it joins it, into the plain statement.
        assertThat(loader(compilation, "AuthorShelf")).contains("""
                public static final String PLAIN = "SELECT authors.id, authors.publisher_id, lp_publisher.id, \
                lp_publisher.name,\\n"
                            + "    lp_publisher.address\\n"
                            + "FROM authors\\n"
                            + "LEFT OUTER JOIN publishers AS lp_publisher ON lp_publisher.id = \
                authors.publisher_id\\n"
                            + "ORDER BY authors.id";
                """).contains(".entryPoint(\"plain()\", Plans.PLAIN, \"PLAIN\", \"BOOKS_SELECT_IN\")");
    }

    @Test
    void aViewFieldMayBeAWiderPrimitiveNumber() {
        Compilation compilation = compileDomain(view("BookPages", """
                @View(Book.class)
                public record BookPages(long id, long pages) {
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generatedText(compilation, "test.BookPagesMapping")).get().asString()
                // A record holding no relationship is built from its row at once.
                .contains("return new BookPages(", "row.getLong(offset + 1),", "row.getLong(offset + 2));");
        assertThat(loader(compilation, "BookPages")).contains("\"SELECT books.id, books.pages\\n\"");
    }

    @Test
    void aColumnRenamesAViewField() {
        Compilation compilation = compileDomain(view("BookHeading", """
                @View(Book.class)
                public class BookHeading {
                    long id;
                    @Column("title") String heading;
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(loader(compilation, "BookHeading")).contains("\"SELECT books.id, books.title\\n\"");
        assertThat(generatedText(compilation, "test.BookHeadingMapping")).get().asString()
                .contains("entity.heading = row.getString(offset + 2);");
    }

    @Test
    void aViewMayHoldTheEntityItself() {
        Compilation compilation = compileDomain(view("AuthorBooks", """
                @View(Author.class)
                public record AuthorBooks(long id, String name, List<Book> books) {
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        // The entity's every column, and its plans below the view's.
        assertThat(loader(compilation, "AuthorBooks"))
                .contains("public static final String BOOKS_SELECT_IN = \"SELECT books.id, books.title, books.pages, "
                        + "books.blurb, books.author_id\\n\"")
                .contains("public static Plan withBooksSelectIn(BookLoader.Plan books) {");
    }

    @Test
    void aViewOfAnEntityCompiledBefore(@TempDir Path classes) throws IOException {
        Compilation before = compile(AUTHOR, BOOK, PUBLISHER);
        assertThat(before).succeeded();
        copyClasses(before, classes);

        Compilation after = compileAgainst(classes, AUTHOR_NAME, BOOK_BYLINE);

        assertThat(after).succeededWithoutWarnings();
        assertThat(Compilations.createdSources(after)).containsExactlyInAnyOrder("test.AuthorNameMapping",
                "test.AuthorNameLoader", "test.BookBylineMapping", "test.BookBylineLoader");
        assertThat(generatedText(after, "test.BookBylineLoader")).get().asString()
                .contains("public static final String PLAIN = \"SELECT books.id, books.title, books.author_id\\n\"")
                .contains("public static final String AUTHOR_SELECT_IN = \"SELECT authors.id, authors.name\\n\"");
        assertThat(generatedText(after, "test.AuthorNameLoader")).get().asString()
                .contains("public static final String PLAIN = \"SELECT authors.id, authors.name\\n\"");
    }

    @Test
    void aViewHoldingAViewCompiledBefore(@TempDir Path classes) throws IOException {
        Compilation before = compileDomain(BOOK_LINE);
        assertThat(before).succeeded();
        copyClasses(before, classes);

        Compilation after = compileAgainst(classes, AUTHOR_CARD);

        assertThat(after).succeededWithoutWarnings();
        assertThat(Compilations.createdSources(after)).containsExactly("test.AuthorCardMapping",
                "test.AuthorCardLoader");
        assertThat(generatedText(after, "test.AuthorCardLoader")).get().asString()
                .contains("public static final String BOOKS_SELECT_IN = \"SELECT books.author_id, books.id, "
                        + "books.title\\n\"")
                .contains("public static Plan withBooksSelectIn(BookLineLoader.Plan books) {");
    }

    /**
     * Eclipse's compiler lists a record's fields sorted by name: a record view's columns, and so its statements and
     * the order its constructor is called in, must come from its components' order, as javac lists them.
     */
    @Test
    void eclipseGeneratesWhatJavacGeneratesForRecordViews() {
        JavaFileObject[] sources = Stream.of("Author", "Book", "Publisher", "AuthorCard", "BookLine", "AuthorName")
                .map(name -> Compilations.resource("inputs/compilers/views/" + name + ".java"))
                .toArray(JavaFileObject[]::new);

        Compilation javac = compile(sources);
        assertThat(javac).succeededWithoutWarnings();
        Compilation generatedByEcj = Compilations.processWithEclipse(sources);
        assertThat(generatedByEcj).succeededWithoutWarnings();

        Map<String, String> javacSources = generatedSources(javac);
        assertThat(javacSources).containsKeys("compilers/views/AuthorCardLoader.java",
                "compilers/views/BookLineMapping.java");
        assertThat(generatedSources(generatedByEcj)).isEqualTo(javacSources);
        assertThat(Compilations.compileWithEclipse(sources)).succeededWithoutWarnings();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javac", "ECJ"})
    void aRecordViewsColumnsAreInTheOrderOfItsComponents(String compiler) {
        JavaFileObject[] sources = Stream.of("Author", "Book", "Publisher", "AuthorCard", "BookLine", "AuthorName")
                .map(name -> Compilations.resource("inputs/compilers/views/" + name + ".java"))
                .toArray(JavaFileObject[]::new);

        Compilation compilation = compiler.equals("ECJ") ? Compilations.compileWithEclipse(sources)
                : compile(sources);

        assertThat(compilation).succeeded();
        assertThat(generatedText(compilation, "compilers.views.BookLineLoader")).get().asString()
                .contains("\"SELECT books.id, books.title, books.pages, books.author_id\\n\"");
        assertThat(generatedText(compilation, "compilers.views.AuthorNameMapping")).get().asString()
                .contains(".columns(\"id\", \"name\", \"born_year\")");
        assertThat(generatedText(compilation, "compilers.views.AuthorCardLoader")).get().asString()
                .contains("\"SELECT authors.id, authors.name\\n\"");
    }

    /**
     * Eclipse's compiler lists a compiled class's fields sorted by name too: a record view compiled before, held by
     * one compiled now, keeps its components' order in the constants, as in the statements the runtime plans from
     * its mapping.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javac", "ECJ"})
    void aRecordViewCompiledBeforeKeepsItsComponentsOrder(String compiler, @TempDir Path classes)
            throws IOException {
        Compilation before = compile(Stream.of("Author", "Book", "Publisher", "BookLine", "AuthorName")
                .map(name -> Compilations.resource("inputs/compilers/views/" + name + ".java"))
                .toArray(JavaFileObject[]::new));
        assertThat(before).succeeded();
        copyClasses(before, classes, "/compilers/");
        JavaFileObject card = Compilations.resource("inputs/compilers/views/AuthorCard.java");
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;

        Compilation after = compiler.equals("ECJ")
                ? Compilations.compile(EclipseCompilers.ecj("-classpath", classPath), card)
                : Compilations.compile(Compiler.javac().withOptions("-classpath", classPath), card);

        assertThat(after).succeededWithoutWarnings();
        assertThat(generatedText(after, "compilers.views.AuthorCardLoader")).get().asString()
                .contains("BOOKS_SELECT_IN = \"SELECT books.id, books.title, books.pages, books.author_id\\n\"")
                .contains("BOOKS_AUTHOR_SELECT_IN = \"SELECT authors.id, authors.name, authors.born_year\\n\"");
    }

    /** The names of the methods returning a plan, static entry points and the plan's own, once each. */
    private static Set<String> entryPoints(String loader) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = ENTRY_POINT.matcher(loader);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Each generated source's text, by its path below the source output. */
    private static Map<String, String> generatedSources(Compilation compilation) {
        Map<String, String> sources = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            sources.put(file.toUri().getPath().replaceFirst("^/SOURCE_OUTPUT/", ""), Compilations.text(file));
        }
        return sources;
    }

    private static void copyClasses(Compilation compilation, Path classes) throws IOException {
        copyClasses(compilation, classes, "/test/");
    }

    /** Writes the class files {@code compilation} generated below {@code classes}, from their top package down. */
    private static void copyClasses(Compilation compilation, Path classes, String topPackage) throws IOException {
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                Path target = classes.resolve(path.substring(path.indexOf(topPackage) + 1));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
        }
    }

    /** Compiles {@code sources} with the processor, the classes compiled before on the class path. */
    private static Compilation compileAgainst(Path classes, JavaFileObject... sources) {
        return Compilations.compile(Compiler.javac().withOptions("-classpath",
                System.getProperty("java.class.path") + File.pathSeparator + classes), sources);
    }
}
