package dev.loadplan.processor.warnings;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.loadplan.processor.diagnostics.Message;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What the planner knows is costly, said at compile time on the relationships that cause it: two sibling collections
 * declared JOINED make every plan that does not name them return every combination of their rows. A warning, so the
 * entity's code is still generated.
 */
class JoinedDefaultsWarningTest {

    private static final JavaFileObject BOOK = entity("Book", """
            @Entity
            public class Book {
                @Id long id;
                String title;
                @Relationship(joinColumn = "author_id") Author author;
                @Relationship(mappedBy = "book", strategy = Strategy.JOINED) List<Review> reviews;
            }
            """);

    private static final JavaFileObject AWARD = entity("Award", """
            @Entity
            public class Award {
                @Id long id;
                @Relationship(joinColumn = "author_id") Author author;
            }
            """);

    private static final JavaFileObject REVIEW = entity("Review", """
            @Entity
            public class Review {
                @Id long id;
                @Relationship(joinColumn = "book_id") Book book;
            }
            """);

    @Test
    void twoSiblingCollectionsDeclaredJoinedAreWarnedOfOnBothFields() {
        JavaFileObject author = entity("Author", """
                @Entity
                public class Author {
                    @Id long id;
                    @Relationship(mappedBy = "author", strategy = Strategy.JOINED)
                    List<Book> books;
                    @Relationship(mappedBy = "author", strategy = Strategy.JOINED)
                    List<Award> awards;
                }
                """);

        Compilation compilation = compile(author, BOOK, AWARD, REVIEW);

        assertThat(compilation).succeeded();
        String warning = Message.JOINED_DEFAULTS_MULTIPLY.format("Author.books", "Author.awards", "Author", "Author");
        assertThat(compilation).hadWarningContaining(warning).inFile(author).onLineContaining("List<Book> books");
        assertThat(compilation).hadWarningContaining(warning).inFile(author).onLineContaining("List<Award> awards");
        assertThat(compilation).hadWarningContaining("Author.books and Author.awards are both declared JOINED, so "
                + "every plan of Author that does not name them joins both into one statement");
        assertThat(compilation.warnings()).filteredOn(diagnostic -> diagnostic.getMessage(null).contains("loadplan"))
                .as("one on each field, none for Book, whose one JOINED collection multiplies nothing").hasSize(2);
        assertThat(generatedFor(compilation, "test.Author")).isNotEmpty();
    }

    @Test
    void aJoinedReferenceBesideAJoinedCollectionOrACollectionJoinedBelowAnotherIsNotWarnedOf() {
        JavaFileObject author = entity("Author", """
                @Entity
                public class Author {
                    @Id long id;
                    @Relationship(mappedBy = "author", strategy = Strategy.JOINED)
                    List<Book> books;
                    @Relationship(joinColumn = "agent_id", strategy = Strategy.JOINED)
                    Agent agent;
                    @Relationship(mappedBy = "author", strategy = Strategy.SELECT_IN)
                    List<Award> awards;
                }
                """);
        JavaFileObject agent = entity("Agent", """
                @Entity
                public class Agent {
                    @Id long id;
                    String name;
                }
                """);

        Compilation compilation = compile(author, agent, BOOK, AWARD, REVIEW);

        assertThat(compilation).succeeded();
        assertThat(joinedDefaultsWarnings(compilation)).isEmpty();
    }

    @Test
    void suppressWarningsLoadplanSilencesTheFieldItIsOn() {
        JavaFileObject author = entity("Author", """
                @Entity
                public class Author {
                    @Id long id;
                    @SuppressWarnings("loadplan")
                    @Relationship(mappedBy = "author", strategy = Strategy.JOINED)
                    List<Book> books;
                    @Relationship(mappedBy = "author", strategy = Strategy.JOINED)
                    List<Award> awards;
                }
                """);

        Compilation compilation = compile(author, BOOK, AWARD, REVIEW);

        assertThat(compilation).succeeded();
        assertThat(joinedDefaultsWarnings(compilation)).singleElement()
                .satisfies(diagnostic -> assertThat(diagnostic.getLineNumber()).isEqualTo(lineOf(author, "awards;")));
    }

    private static List<Diagnostic<? extends JavaFileObject>> joinedDefaultsWarnings(Compilation compilation) {
        return compilation.warnings().stream()
                .filter(diagnostic -> diagnostic.getMessage(null).contains("are both declared JOINED")).toList();
    }

    private static long lineOf(JavaFileObject source, String text) {
        try {
            String[] lines = source.getCharContent(true).toString().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(text + " is not in " + source.getName());
    }
}
