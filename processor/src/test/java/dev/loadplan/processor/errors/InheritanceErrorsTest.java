package dev.loadplan.processor.errors;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.loadplan.processor.diagnostics.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What loadplan cannot map of a superclass is an error naming the field, the class that declares it and the fix:
 * nothing inherited is left out silently.
 */
class InheritanceErrorsTest {

    @Test
    void aSuperclassThatIsAnEntityIsRefusedUntilEntityInheritanceIsSupported() {
        JavaFileObject parent = entity("Document", """
                @Entity
                public class Document {
                    @Id long id;
                    String title;
                }
                """);
        JavaFileObject child = entity("Invoice", """
                @Entity
                public class Invoice extends Document {
                    long amount;
                }
                """);

        Compilation compilation = compile(parent, child);

        assertThat(compilation).hadErrorContaining(Message.ENTITY_SUPERCLASS_IS_ENTITY.format("Invoice",
                "test.Document", "Document", "Invoice")).inFile(child).onLineContaining("public class Invoice");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.Invoice")).isEmpty();
    }

    @Test
    void aFieldThatHidesAMappedFieldOfItsSuperclass() {
        JavaFileObject base = entity("Stamped", """
                public abstract class Stamped {
                    @Id long id;
                    String label;
                }
                """);
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends Stamped {
                    String label;
                }
                """);

        Compilation compilation = compile(base, issue);

        assertThat(compilation).hadErrorContaining(Message.FIELD_HIDES_INHERITED.format("Issue", "label", "Stamped",
                "label", "Issue", "Stamped", "label")).inFile(issue).onLineContaining("String label;");
        assertThat(compilation).hadErrorCount(1);
        assertThat(generatedFor(compilation, "test.Issue")).isEmpty();
    }

    @Test
    void aTransientFieldThatHidesAMappedFieldOfItsSuperclass() {
        JavaFileObject base = entity("Stamped", """
                public abstract class Stamped {
                    @Id long id;
                    String label;
                }
                """);
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends Stamped {
                    transient String label;
                }
                """);

        Compilation compilation = compile(base, issue);

        assertThat(compilation).hadErrorContaining(Message.FIELD_HIDES_INHERITED.format("Issue", "label", "Stamped",
                "label", "Issue", "Stamped", "label")).inFile(issue).onLineContaining("transient String label;");
    }

    @Test
    void aPrivateFieldOfASuperclassInTheSamePackageWithoutAccessors() {
        JavaFileObject base = entity("Stamped", """
                public abstract class Stamped {
                    @Id long id;
                    private java.time.Instant createdAt;
                }
                """);
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends Stamped {
                }
                """);

        Compilation compilation = compile(base, issue);

        assertThat(compilation).hadErrorContaining(Message.PRIVATE_FIELD.format("Stamped", "createdAt",
                "getCreatedAt() and setCreatedAt(Instant) (or createdAt() and createdAt(Instant))"))
                .inFile(base).onLineContaining("private java.time.Instant createdAt;");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            public class      | protected       | it is protected in package shared, and the generated code is no subclass
            public class      | ''              | it is package-private in package shared
            public class      | private         | it is private
            abstract class    | public          | class shared.Stamped is not public
            """)
    void aFieldOfASuperclassInAnotherPackageOutOfReach(String classModifiers, String fieldModifier, String why) {
        JavaFileObject base = JavaFileObjects.forSourceString("shared.Stamped", """
                package shared;

                import dev.loadplan.annotations.Id;

                %s Stamped {
                    @Id public long id;
                    %s String note;
                }
                """.formatted(classModifiers, fieldModifier));
        JavaFileObject wrapper = JavaFileObjects.forSourceString("shared.Base", """
                package shared;

                public abstract class Base extends Stamped {
                }
                """);
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends shared.Base {
                }
                """);

        Compilation compilation = compile(base, wrapper, issue);

        assertThat(compilation).hadErrorContaining(Message.INHERITED_FIELD_UNREACHABLE.format("Issue", "note",
                "shared.Stamped", "test", why, "getNote() and setNote(String) (or note() and note(String))",
                "Stamped")).inFile(base).onLineContaining(" String note;");
        assertThat(generatedFor(compilation, "test.Issue")).isEmpty();
    }

    @Test
    void aFinalFieldOfASuperclass() {
        JavaFileObject base = entity("Stamped", """
                public abstract class Stamped {
                    @Id long id;
                    final String origin = "web";
                }
                """);
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends Stamped {
                }
                """);

        Compilation compilation = compile(base, issue);

        assertThat(compilation).hadErrorContaining(Message.FINAL_FIELD.format("Stamped", "origin"))
                .inFile(base).onLineContaining("final String origin");
    }

    @Test
    void aStaticFieldOfASuperclassWithALoadplanAnnotation() {
        JavaFileObject base = entity("Stamped", """
                public abstract class Stamped {
                    @Id long id;
                    @Column("origin") static String origin;
                }
                """);
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends Stamped {
                }
                """);

        Compilation compilation = compile(base, issue);

        assertThat(compilation).hadErrorContaining(Message.STATIC_FIELD_MAPPED.format("Issue", "origin", "@Column",
                "@Column")).inFile(base).onLineContaining("static String origin");
    }

    @Test
    void anIdInASuperclassAndAnotherInTheEntity() {
        JavaFileObject base = entity("Stamped", """
                public abstract class Stamped {
                    @Id long id;
                }
                """);
        JavaFileObject issue = entity("Issue", """
                @Entity
                public class Issue extends Stamped {
                    @Id long number;
                }
                """);

        Compilation compilation = compile(base, issue);

        assertThat(compilation).hadErrorContaining(Message.DUPLICATE_ID.format("Issue", "id, number"))
                .inFile(issue).onLineContaining("@Id long number;");
    }
}
