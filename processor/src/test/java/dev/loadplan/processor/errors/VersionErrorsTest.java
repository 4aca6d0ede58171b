package dev.loadplan.processor.errors;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.loadplan.processor.diagnostics.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors about the {@code @Version} column of optimistic locking. */
class VersionErrorsTest {

    @Test
    void aVersionOfAnotherType() {
        JavaFileObject source = entity("ErroneousTitle", """
                @Entity
                public class ErroneousTitle {
                    @Id long id;
                    @Version String version;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.VERSION_TYPE.format("ErroneousTitle", "version",
                "java.lang.String")).inFile(source).onLineContaining("@Version String version;");
        assertThat(generatedFor(compilation, "test.ErroneousTitle")).isEmpty();
    }

    @Test
    void twoVersions() {
        JavaFileObject source = entity("ErroneousTitle", """
                @Entity
                public class ErroneousTitle {
                    @Id long id;
                    @Version int version;
                    @Version long revision;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.DUPLICATE_VERSION.format("ErroneousTitle",
                "version, revision")).inFile(source).onLineContaining("@Version long revision;");
    }

    @Test
    void aVersionThatIsTheKey() {
        JavaFileObject source = entity("ErroneousTitle", """
                @Entity
                public class ErroneousTitle {
                    @Id @Version long id;
                    String name;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.VERSION_ON_ID.format("ErroneousTitle", "id"))
                .inFile(source).onLineContaining("@Id @Version long id;");
    }

    @Test
    void aVersionOnARelationship() {
        JavaFileObject title = entity("ErroneousTitle", """
                @Entity
                public class ErroneousTitle {
                    @Id long id;
                    @Version @Relationship(joinColumn = "publisher_id") Publisher publisher;
                }
                """);
        JavaFileObject publisher = entity("Publisher", """
                @Entity
                public class Publisher {
                    @Id long id;
                }
                """);

        Compilation compilation = compile(title, publisher);

        assertThat(compilation).hadErrorContaining(Message.VERSION_ON_RELATIONSHIP.format("ErroneousTitle",
                "publisher")).inFile(title).onLineContaining("Publisher publisher;");
    }
}
