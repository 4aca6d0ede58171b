package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every type a key can have works on both sides of a relationship: as the parent's {@code @Id}, and as the
 * foreign key only the child's relationship maps, which the DAO writes from the parent's key.
 */
class KeyTypesTest {

    @ParameterizedTest(name = "@Id {0}")
    @ValueSource(strings = {"short", "Short", "int", "Integer", "long", "Long", "String", "java.util.UUID"})
    void parentAndChildCompileWithKeyType(String keyType) {
        Compilation compilation = compile(
                entity("Parent", """
                        @Entity
                        public class Parent {
                            @Id %s id;
                            String name;
                            @Relationship(mappedBy = "parent") List<Child> children;
                        }
                        """.formatted(keyType)),
                entity("Child", """
                        @Entity
                        public class Child {
                            @Id long id;
                            @Relationship(joinColumn = "parent_id") Parent parent;
                        }
                        """));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @ParameterizedTest(name = "@Id {0}")
    @ValueSource(strings = {"short", "Short", "int", "Integer", "long", "Long"})
    void theDatabaseAssignsNumericKeysUnlessTheIdSays(String keyType) {
        assertThat(insert("@Id " + keyType + " id;")).contains("INSERT INTO thing (name)").contains("RETURNING id");
        assertThat(insert("@Id(generated = false) " + keyType + " id;")).contains("INSERT INTO thing (id, name)")
                .doesNotContain("RETURNING");
    }

    @ParameterizedTest(name = "@Id {0}")
    @ValueSource(strings = {"String", "java.util.UUID"})
    void theApplicationAssignsUuidAndTextKeysUnlessTheIdSays(String keyType) {
        assertThat(insert("@Id " + keyType + " id;")).contains("INSERT INTO thing (id, name)")
                .doesNotContain("RETURNING");
        assertThat(insert("@Id(generated = true) " + keyType + " id;")).contains("INSERT INTO thing (name)")
                .contains("RETURNING id");
    }

    /** The INSERT constant of an entity declaring {@code id}. */
    private static String insert(String id) {
        Compilation compilation = compile(entity("Thing", """
                @Entity
                public class Thing {
                    %s
                    String name;
                }
                """.formatted(id)));
        assertThat(compilation).succeededWithoutWarnings();
        String dao = Compilations.generatedText(compilation, "test.ThingDao").orElseThrow();
        return dao.substring(dao.indexOf("INSERT = "), dao.indexOf(";", dao.indexOf("INSERT = ")));
    }
}
