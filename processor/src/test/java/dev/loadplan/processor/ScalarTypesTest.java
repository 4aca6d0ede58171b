package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compileWithLint;
import static dev.loadplan.processor.Compilations.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An entity with a field of every supported column type compiles, and its mapping reads each by index. */
class ScalarTypesTest {

    /** One field per {@code ScalarType}, in the enum's order. */
    private static final JavaFileObject EVERYTHING = entity("Everything", """
            @Entity
            public class Everything {
                @Id long id;
                boolean active;
                Boolean verified;
                short rank;
                Short level;
                int pages;
                Integer edition;
                long views;
                Long likes;
                float weight;
                Float height;
                double price;
                Double discount;
                String title;
                java.math.BigDecimal total;
                java.util.UUID reference;
                java.time.LocalDate published;
                java.time.LocalTime opens;
                java.time.LocalDateTime created;
                java.time.OffsetDateTime updated;
                java.time.Instant seen;
                byte[] cover;
                Status status;

                enum Status { DRAFT, PUBLISHED }
            }
            """);

    private static Compilation compilation;
    private static String mapping;

    @BeforeAll
    static void compileEverything() {
        compilation = compileWithLint(EVERYTHING);
        mapping = compilation.status() == Compilation.Status.SUCCESS
                ? Compilations.generatedText(compilation, "test.EverythingMapping").orElse("")
                : "";
    }

    @Test
    void generatedCodeCompilesWithoutWarnings() {
        assertThat(compilation).succeededWithoutWarnings();
        for (String suffix : Compilations.GENERATED_SUFFIXES) {
            assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "test", "Everything" + suffix + ".class"))
                    .as("Everything%s.class", suffix)
                    .isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            boolean        | entity.active = row.getBoolean(offset + 2);
            Boolean        | entity.verified = row.getObject(offset + 3, Boolean.class);
            short          | entity.rank = row.getShort(offset + 4);
            Short          | entity.level = row.getObject(offset + 5, Short.class);
            int            | entity.pages = row.getInt(offset + 6);
            Integer        | entity.edition = row.getObject(offset + 7, Integer.class);
            long           | entity.views = row.getLong(offset + 8);
            Long           | entity.likes = row.getObject(offset + 9, Long.class);
            float          | entity.weight = row.getFloat(offset + 10);
            Float          | entity.height = row.getObject(offset + 11, Float.class);
            double         | entity.price = row.getDouble(offset + 12);
            Double         | entity.discount = row.getObject(offset + 13, Double.class);
            String         | entity.title = row.getString(offset + 14);
            BigDecimal     | entity.total = row.getBigDecimal(offset + 15);
            UUID           | entity.reference = row.getObject(offset + 16, UUID.class);
            LocalDate      | entity.published = row.getObject(offset + 17, LocalDate.class);
            LocalTime      | entity.opens = row.getObject(offset + 18, LocalTime.class);
            LocalDateTime  | entity.created = row.getObject(offset + 19, LocalDateTime.class);
            OffsetDateTime | entity.updated = row.getObject(offset + 20, OffsetDateTime.class);
            Instant        | entity.seen = ColumnReads.instant(row, offset + 21);
            byte[]         | entity.cover = row.getBytes(offset + 22);
            enum           | entity.status = statusName == null ? null : constant(statusName, row, offset, 22);
            """)
    void mappingReadsTheColumnAsItsType(String type, String statement) {
        assertThat(mapping).contains(statement);
    }

    @Test
    void mappingReadsAnEnumByName() {
        assertThat(mapping).contains("String statusName = row.getString(offset + 23);");
    }

    @Test
    void daoWritesEveryTypeWithItsSqlType() {
        // An enum goes by name as untyped text, which a text column and a PostgreSQL enum type both take.
        assertThat(Compilations.generatedText(compilation, "test.EverythingDao")).get(STRING)
                .contains("Binding.enumName(entity.status),")
                .contains("Binding.uuid(entity.reference),")
                .contains("Binding.instant(entity.seen),")
                .contains("Binding.bytea(entity.cover),");
    }
}
