package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;

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
}
