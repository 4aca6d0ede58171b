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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A static or transient field is no column: loadplan leaves it unmapped. One that carries a loadplan annotation says
 * the user meant it mapped, so it is an error on the field rather than an annotation silently ignored.
 */
class StaticAndTransientFieldErrorsTest {

    private static final JavaFileObject MEMBER = entity("Member", """
            @Entity
            public class Member {
                @Id long id;
            }
            """);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            @Relationship(joinColumn = "member_id") static Member member; | member | @Relationship
            @Column("total") static long count;                           | count  | @Column
            @Id static long key;                                          | key    | @Id
            @Version static int revision;                                 | revision | @Version
            """)
    void aStaticFieldWithALoadplanAnnotation(String declaration, String field, String annotation) {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    %s
                }
                """.formatted(declaration));

        Compilation compilation = compile(source, MEMBER);

        assertThat(compilation).hadErrorContaining(Message.STATIC_FIELD_MAPPED.format("ErroneousBook", field,
                annotation, annotation)).inFile(source).onLineContaining(declaration);
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            @Relationship(joinColumn = "member_id") transient Member member; | member | @Relationship
            @Column("total") transient long count;                           | count  | @Column
            """)
    void aTransientFieldWithALoadplanAnnotation(String declaration, String field, String annotation) {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    %s
                }
                """.formatted(declaration));

        Compilation compilation = compile(source, MEMBER);

        assertThat(compilation).hadErrorContaining(Message.TRANSIENT_FIELD_MAPPED.format("ErroneousBook", field,
                annotation, annotation)).inFile(source).onLineContaining(declaration);
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void aFieldWithTwoLoadplanAnnotationsNamesBoth() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Id @Column("key") static long key;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.STATIC_FIELD_MAPPED.format("ErroneousBook", "key",
                "@Id and @Column", "@Id and @Column")).inFile(source).onLineContaining("static long key;");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aStaticFieldOfARecordWithALoadplanAnnotation() {
        JavaFileObject source = entity("ErroneousPair", """
                @Entity
                public record ErroneousPair(@Id long id, String title) {
                    @Column("kind") static String kind = "pair";
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.STATIC_FIELD_MAPPED.format("ErroneousPair", "kind",
                "@Column", "@Column")).inFile(source).onLineContaining("static String kind");
    }

    @Test
    void staticAndTransientFieldsWithoutLoadplanAnnotationsStayUnmapped() {
        JavaFileObject source = entity("Book", """
                @Entity
                public class Book {
                    static final String TABLE = "book";
                    static int created;
                    @Id long id;
                    String title;
                    transient Object cache;
                    @Deprecated transient String note;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).succeeded();
        assertThat(generatedFor(compilation, "test.Book")).isNotEmpty();
    }
}
