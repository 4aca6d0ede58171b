package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entity whose relationships lead to entities compiled before, in another module or an earlier build: their
 * declared defaults, read from the class files, are in its constants, as the runtime runs them.
 */
class CompiledBeforeTest {

    @Test
    void theDeclaredDefaultsOfEntitiesCompiledBeforeAreInTheConstants(@TempDir Path classes) throws IOException {
        Compilation before = Compilations.compile(Compilations.entity("Book", """
                @Entity(table = "books")
                public class Book {
                    @Id long id;
                    @Relationship(joinColumn = "author_id") Author author;
                    @Relationship(joinColumn = "publisher_id", strategy = Strategy.JOINED) Publisher publisher;
                }
                """), Compilations.entity("Publisher", """
                @Entity(table = "publishers")
                public class Publisher {
                    @Id long id;
                    String name;
                }
                """), Compilations.entity("Author", """
                @Entity(table = "authors")
                public class Author {
                    @Id long id;
                }
                """));
        assertThat(before).succeeded();
        for (JavaFileObject file : before.generatedFiles()) {
            String path = file.toUri().getPath();
            // Everything compiled but Author, which the second compilation declares again.
            if (file.getKind() == JavaFileObject.Kind.CLASS && !path.contains("/test/Author")) {
                Path target = classes.resolve(path.substring(path.indexOf("/test/") + 1));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
        }

        // Now Author, with its books: Book and Publisher come from the class files only.
        Compilation after = Compiler.javac().withProcessors(new LoadPlanProcessor())
                .withOptions("-classpath", System.getProperty("java.class.path") + File.pathSeparator + classes)
                .compile(Compilations.entity("Author", """
                        @Entity(table = "authors")
                        public class Author {
                            @Id long id;
                            @Relationship(mappedBy = "author") List<Book> books;
                        }
                        """));

        assertThat(after).succeeded();
        assertThat(Compilations.generatedText(after, "test.AuthorLoader")).get().asString()
                .contains("""
                        public static final String BOOKS_SELECT_IN = "SELECT books.id, books.author_id, \
                        books.publisher_id, lp_publisher.id, lp_publisher.name\\n"
                                    + "FROM books\\n"
                                    + "LEFT OUTER JOIN publishers AS lp_publisher ON lp_publisher.id = \
                        books.publisher_id\\n\"""");
    }
}
