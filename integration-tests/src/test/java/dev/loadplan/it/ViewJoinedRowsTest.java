package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.ProcessorBuild;
import dev.loadplan.it.support.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One JOINED statement that reads the same entity rows at two places: an author's shelf holds her books with their
 * tags, then her publisher's authors as cards, each holding its books again (whose tags the second place leaves to
 * the first) and, last in the row, its publisher's list of authors, its only joined link. Found by the differential
 * test (seed 1, domain d40, {@code V0 * JOINED}).
 *
 * <p>The domain is compiled here with the processor, as the differential test compiles its domains, so that its
 * loaders are not among the module's, which {@code EntryPointsRunTheirConstantsTest} lists one by one.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/views.sql")
class ViewJoinedRowsTest {

    private static final String PACKAGE = "viewrows";

    /** The domain's sources by simple name: entities on {@code views.sql}'s tables, the views, and a driver. */
    private static final Map<String, String> SOURCES = Map.of(
            "Author", """
                    @Entity(table = "author")
                    public class Author {
                        @Id long id;
                        String name;
                        @Relationship(joinColumn = "publisher_id") Ref<Publisher> publisher;
                        @Relationship(mappedBy = "author", orderBy = "id") List<Book> books;
                    }
                    """,
            "Book", """
                    @Entity(table = "book")
                    public class Book {
                        @Id long id;
                        String title;
                        @Relationship(joinColumn = "author_id") Ref<Author> author;
                        @Relationship(joinTable = "book_tag", joinColumn = "book_id", inverseJoinColumn = "tag_id",
                                orderBy = "label") List<Tag> tags;
                    }
                    """,
            "Tag", """
                    @Entity(table = "tag")
                    public class Tag {
                        @Id long id;
                        String label;
                    }
                    """,
            "Publisher", """
                    @Entity(table = "publisher")
                    public class Publisher {
                        @Id long id;
                        String name;
                        @Relationship(mappedBy = "publisher", orderBy = "id") List<Author> authors;
                    }
                    """,
            "Shelf", """
                    @View(Author.class)
                    public record Shelf(long id, List<Book> books, Ref<PublisherAuthors> publisher) {
                    }
                    """,
            "PublisherAuthors", """
                    @View(Publisher.class)
                    public record PublisherAuthors(long id, List<AuthorCard> authors) {
                    }
                    """,
            "AuthorCard", """
                    @View(Author.class)
                    public record AuthorCard(long id, List<Book> books, Ref<PublisherNames> publisher) {
                    }
                    """,
            "PublisherNames", """
                    @View(Publisher.class)
                    public record PublisherNames(long id, List<AuthorName> authors) {
                    }
                    """,
            "AuthorName", """
                    @View(Author.class)
                    public record AuthorName(long id, String name) {
                    }
                    """,
            "Driver", """
                    /** The first card's publisher's authors, that list JOINED or SELECT_IN, all else JOINED. */
                    public final class Driver implements BiFunction<Jdbi, Boolean, List<Long>> {
                        @Override
                        public List<Long> apply(Jdbi jdbi, Boolean joined) {
                            PublisherNamesLoader.Plan names = joined ? PublisherNamesLoader.withAuthorsJoined()
                                    : PublisherNamesLoader.withAuthorsSelectIn();
                            Shelf shelf = ShelfLoader.withBooksJoined(BookLoader.withTagsJoined())
                                    .withPublisherJoined(PublisherAuthorsLoader.withAuthorsJoined(
                                            AuthorCardLoader.withBooksJoined(BookLoader.withTagsJoined())
                                                    .withPublisherJoined(names)))
                                    .list(jdbi).get(0);
                            return shelf.publisher().get().authors().get(0).publisher().get().authors().stream()
                                    .map(AuthorName::id).toList();
                        }
                    }
                    """);

    private static BiFunction<Jdbi, Boolean, List<Long>> driver;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void compileAndFill(Jdbi jdbi) throws IOException, ReflectiveOperationException {
        ProcessorBuild build = ProcessorBuild.in(Path.of(System.getProperty("basedir", "."), "target",
                "view-joined-rows"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = build.sources().resolve(PACKAGE + "/" + source.getKey() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "package " + PACKAGE + ";\n\n"
                    + "import dev.loadplan.Ref;\n"
                    + "import dev.loadplan.annotations.Entity;\n"
                    + "import dev.loadplan.annotations.Id;\n"
                    + "import dev.loadplan.annotations.Relationship;\n"
                    + "import dev.loadplan.annotations.View;\n"
                    + "import java.util.List;\n"
                    + "import java.util.function.BiFunction;\n"
                    + "import org.jdbi.v3.core.Jdbi;\n\n" + source.getValue());
            files.add(file);
        }
        assertThat(build.compile(files)).as("the domain compiles").isEmpty();
        driver = (BiFunction<Jdbi, Boolean, List<Long>>) Class.forName(PACKAGE + ".Driver", true,
                build.classes(ViewJoinedRowsTest.class.getClassLoader())).getDeclaredConstructor().newInstance();
        jdbi.useHandle(handle -> {
            handle.execute("insert into publisher (id, name, address) values (1, 'P', 'a')");
            handle.execute("insert into author (id, name, born_year, biography, publisher_id) "
                    + "values (1, 'A1', 1950, 'b', 1), (2, 'A2', 1960, 'b', 1)");
            handle.execute("insert into book (id, author_id, title, blurb) values (1, 1, 'B1', 'b')");
            handle.execute("insert into tag (id, label, description) values (1, 'T1', 'd'), (2, 'T2', 'd')");
            handle.execute("insert into book_tag (book_id, tag_id) values (1, 1), (1, 2)");
        });
    }

    @Test
    void thePublishersAuthorsOnceEachWhenTheyAreSelectedIn(Jdbi jdbi) {
        assertThat(driver.apply(jdbi, false)).containsExactly(1L, 2L);
    }

    /**
     * Was {@code [1, 2, 1, 2]}: the card's reader of book 1 skips the book's tags, which the shelf read first, so no
     * reader before the publisher's names saw the rows go from tag T1 to T2, and the names' reader took the rows of T2
     * for more of its first run and attached the authors again. A skipped link's readers now note where its rows
     * change ({@code NodeReader.observe}).
     */
    @Test
    void thePublishersAuthorsOnceEachWhenTheyAreJoined(Jdbi jdbi) {
        assertThat(driver.apply(jdbi, true)).containsExactly(1L, 2L);
    }
}
