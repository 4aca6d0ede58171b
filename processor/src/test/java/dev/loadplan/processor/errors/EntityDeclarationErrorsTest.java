package dev.loadplan.processor.errors;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.createdSources;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.loadplan.processor.diagnostics.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors in how an {@code @Entity} class itself is declared: its kind, nesting, modifiers, constructors. */
class EntityDeclarationErrorsTest {

    @Test
    void aGenericEntity() {
        JavaFileObject source = entity("ErroneousBox", """
                @Entity
                public class ErroneousBox<T, K> {
                    @Id long id;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.ENTITY_GENERIC.format("ErroneousBox", "<T, K>"))
                .inFile(source).onLineContaining("class ErroneousBox<T, K>");
        assertThat(generatedFor(compilation, "test.ErroneousBox")).isEmpty();
    }

    @Test
    void aGenericRecordEntity() {
        JavaFileObject source = entity("ErroneousPair", """
                @Entity
                public record ErroneousPair<T>(@Id long id, String name) {
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.ENTITY_GENERIC.format("ErroneousPair", "<T>"))
                .inFile(source).onLineContaining("record ErroneousPair<T>");
    }

    @Test
    void aPrivateNestedEntityIsToldItIsPrivateNotThatItLacksAConstructor() {
        JavaFileObject source = entity("Outer", """
                public class Outer {
                    @Entity
                    private static class ErroneousSecret {
                        @Id long id;
                    }
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.ENTITY_PRIVATE.format("ErroneousSecret"))
                .inFile(source).onLineContaining("class ErroneousSecret");
        assertThat(compilation).hadErrorCount(1);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            sales.orders     | schema = "sales", table = "orders"
            \\"Orders\\"       | table = "Orders"
            """)
    void aTableNamedWithItsSchemaOrQuotes(String declared, String instead) {
        JavaFileObject source = entity("ErroneousOrder", """
                @Entity(table = "%s")
                public class ErroneousOrder {
                    @Id long id;
                }
                """.formatted(declared));

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.ENTITY_TABLE_QUALIFIED.format("ErroneousOrder",
                declared.replace("\\", ""), instead)).inFile(source).onLineContaining("class ErroneousOrder");
    }

    @Test
    void entityOnAnInterface() {
        JavaFileObject source = entity("ErroneousShape", """
                @Entity
                public interface ErroneousShape {
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.ENTITY_NOT_A_CLASS.prefix())
                .inFile(source).onLineContaining("interface ErroneousShape");
        assertThat(compilation).hadErrorContaining("ErroneousShape is a");
        assertThat(generatedFor(compilation, "test.ErroneousShape")).isEmpty();
    }

    @Test
    void entityOnAnInterfaceNamesTheKindInPlainEnglish() {
        JavaFileObject source = entity("ErroneousShape", """
                @Entity
                public interface ErroneousShape {
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining("ErroneousShape is an interface")
                .inFile(source).onLineContaining("interface ErroneousShape");
    }

    @Test
    void entityOnANonStaticInnerClass() {
        JavaFileObject source = entity("Outer", """
                public class Outer {
                    @Entity
                    public class ErroneousInner {
                        @Id long id;
                    }
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.ENTITY_NESTED_NOT_STATIC.format("ErroneousInner"))
                .inFile(source).onLineContaining("public class ErroneousInner");
        assertThat(compilation).hadErrorContaining("ErroneousInner is an inner class");
        assertThat(createdSources(compilation)).isEmpty();
    }

    @Test
    void entityWithoutAConstructorWithoutParameters() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    String title;

                    ErroneousBook(String title) {
                        this.title = title;
                    }
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.ENTITY_NO_CONSTRUCTOR.format("ErroneousBook"))
                .inFile(source).onLineContaining("public class ErroneousBook");
        assertThat(compilation).hadErrorContaining("ErroneousBook needs a constructor without parameters");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void entityWhoseOnlyConstructorWithoutParametersIsPrivate() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;

                    private ErroneousBook() {
                    }
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.ENTITY_NO_CONSTRUCTOR.format("ErroneousBook"))
                .inFile(source).onLineContaining("public class ErroneousBook");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void abstractEntity() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public abstract class ErroneousBook {
                    @Id long id;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.ENTITY_ABSTRACT.format("ErroneousBook"))
                .inFile(source).onLineContaining("abstract class ErroneousBook");
        assertThat(compilation).hadErrorContaining("ErroneousBook is abstract");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }
}
