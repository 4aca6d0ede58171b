package dev.loadplan.processor.errors;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static dev.loadplan.processor.Compilations.generatedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.loadplan.processor.diagnostics.Message;
import dev.loadplan.processor.model.ScalarType;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors in the fields that map columns: access, type, and the column names. */
class ColumnErrorsTest {

    @Test
    void privateField() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    private String title;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.PRIVATE_FIELD.format("ErroneousBook", "title",
                "getTitle() and setTitle(String) (or title() and title(String))"))
                .inFile(source).onLineContaining("private String title;");
        assertThat(compilation).hadErrorContaining("ErroneousBook.title is private");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void aPrivateBooleanNamedAsKotlinNamesItIsToldKotlinsAccessors() {
        JavaFileObject source = entity("ErroneousAccount", """
                @Entity
                public class ErroneousAccount {
                    @Id long id;
                    private boolean isActive;
                    public boolean isActive() { return isActive; }
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.PRIVATE_FIELD.format("ErroneousAccount", "isActive",
                "isActive() and setActive(boolean)")).inFile(source).onLineContaining("private boolean isActive;");
    }

    @Test
    void aPreQuotedColumnName() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Column("\\"CamelCase\\"") String title;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.QUOTED_COLUMN_NAME.format("ErroneousBook", "title",
                "\"CamelCase\"", "CamelCase")).inFile(source).onLineContaining("String title;");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void finalField() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    final String title = "untitled";
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.FINAL_FIELD.format("ErroneousBook", "title"))
                .inFile(source).onLineContaining("final String title");
        assertThat(compilation).hadErrorContaining("ErroneousBook.title is final");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void fieldOfATypeNoColumnMaps() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    java.util.Date published;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.UNSUPPORTED_TYPE.format("ErroneousBook", "published",
                        "java.util.Date", "Declare it as Instant or OffsetDateTime (for timestamptz) or LocalDateTime "
                        + "(for timestamp).", ScalarType.supportedNames()))
                .inFile(source).onLineContaining("java.util.Date published;");
        // The fix comes before the list of every type that works.
        assertThat(compilation).hadErrorContaining("ErroneousBook.published has type java.util.Date, which loadplan "
                + "cannot map to a column. Declare it as Instant");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            java.sql.Date           | Declare it as LocalDate.
            java.sql.Time           | Declare it as LocalTime.
            java.time.ZonedDateTime | Declare it as OffsetDateTime or Instant: PostgreSQL's timestamptz keeps the \
            instant, not the zone.
            java.time.Duration      | Declare it as a long of seconds or milliseconds (a bigint column), or a \
            String (Duration.toString()'s ISO-8601, a text column): PostgreSQL's interval is not supported yet.
            java.time.Period        | Declare it as an int of days or months (an integer column), or a String \
            (Period.toString()'s ISO-8601, a text column): PostgreSQL's interval is not supported yet.
            Object                  | For a relationship, add @Relationship.
            """)
    void aFieldOfATypeNoColumnMapsIsToldWhatToDeclareFirst(String type, String hint) {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    %s published;
                }
                """.formatted(type));

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining("which loadplan cannot map to a column. " + hint
                + " Supported types: ").inFile(source).onLineContaining(type + " published;");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            java.util.Optional<String>              | String
            java.util.Optional<java.time.LocalDate> | LocalDate
            java.util.Optional<byte[]>              | byte[]
            java.util.OptionalInt                   | Integer
            java.util.OptionalLong                  | Long
            java.util.OptionalDouble                | Double
            """)
    void anOptionalColumnIsToldToDeclareThePlainType(String type, String plain) {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    %s subtitle;
                }
                """.formatted(type));

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.COLUMN_OPTIONAL.format("ErroneousBook", "subtitle",
                type.replace("<String>", "<java.lang.String>"), plain))
                .inFile(source).onLineContaining(type + " subtitle;");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void anOptionalOfATypeNoColumnMapsIsToldWhatItIsToldForThatType() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    java.util.Optional<Object> extra;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining("ErroneousBook.extra has type java.util.Optional<java.lang.Object>, "
                + "which loadplan cannot map to a column.").inFile(source).onLineContaining("extra;");
    }

    @Test
    void twoFieldsMappingTheSameColumn() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    String title;
                    @Column("title")
                    String name;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(
                        Message.DUPLICATE_COLUMN.format("ErroneousBook", "name", "title", "ErroneousBook", "title"))
                .inFile(source).onLineContaining("@Column(\"title\")");
        assertThat(compilation).hadErrorContaining("ErroneousBook.name maps column title");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }

    @Test
    void columnWithoutAName() {
        JavaFileObject source = entity("ErroneousBook", """
                @Entity
                public class ErroneousBook {
                    @Id long id;
                    @Column(" ")
                    String title;
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Message.EMPTY_COLUMN_NAME.format("ErroneousBook", "title"))
                .inFile(source).onLineContaining("@Column(\" \")");
        assertThat(compilation).hadErrorContaining("@Column on ErroneousBook.title names no column");
        assertThat(generatedFor(compilation, "test.ErroneousBook")).isEmpty();
    }
}
