package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.compileWithLint;
import static dev.loadplan.processor.Compilations.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Each kind of relationship is recognized, and the code generated for it compiles. */
class RelationshipKindsTest {

    @Test
    void oneToOne() {
        Compilation compilation = compile(
                entity("Person", """
                        @Entity
                        public class Person {
                            @Id long id;
                            @Relationship(joinColumn = "passport_id") Passport passport;
                        }
                        """),
                entity("Passport", """
                        @Entity
                        public class Passport {
                            @Id long id;
                            String number;
                            @Relationship(mappedBy = "passport") Person holder;
                        }
                        """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.generatedText(compilation, "test.PersonMapping")).get(STRING)
                .contains("{@code Person.passport}: one-to-one, owning the foreign key.");
        assertThat(Compilations.generatedText(compilation, "test.PassportMapping")).get(STRING)
                .contains("{@code Passport.holder}: one-to-one, inverse side, inverse of {@code Person.passport}.");
    }

    @Test
    void manyToMany() {
        Compilation compilation = compile(
                entity("Book", """
                        @Entity
                        public class Book {
                            @Id long id;
                            @Relationship(joinTable = "book_tags", joinColumn = "book_id",
                                    inverseJoinColumn = "tag_id", orderBy = "label")
                            List<Tag> tags;
                        }
                        """),
                entity("Tag", """
                        @Entity
                        public class Tag {
                            @Id long id;
                            String label;
                        }
                        """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.generatedText(compilation, "test.BookMapping")).get(STRING)
                .contains("{@code Book.tags}: many-to-many.");
    }

    @Test
    void selfReferenceBothWays() {
        Compilation compilation = compile(entity("Employee", """
                @Entity
                public class Employee {
                    @Id long id;
                    @Relationship(joinColumn = "manager_id") Employee manager;
                    @Relationship(mappedBy = "manager") List<Employee> reports;
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.generatedText(compilation, "test.EmployeeLoader")).get(STRING)
                .contains("LEFT OUTER JOIN employee AS lp_manager ON lp_manager.id = employee.manager_id")
                .contains("LEFT OUTER JOIN employee AS lp_reports ON lp_reports.manager_id = employee.id");
    }

    @Test
    void reservedWordTablesAndColumns() {
        Compilation compilation = compile(
                entity("User", """
                        @Entity(table = "user")
                        public class User {
                            @Id long id;
                            @Column("order") String order;
                            @Relationship(mappedBy = "user", orderBy = "placedAt DESC") List<Order> orders;
                        }
                        """),
                entity("Order", """
                        @Entity(table = "order")
                        public class Order {
                            @Id long id;
                            @Column("placedAt") java.time.OffsetDateTime placedAt;
                            @Relationship(joinColumn = "user_id") User user;
                        }
                        """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.generatedText(compilation, "test.UserLoader")).get(STRING)
                .contains("\"LEFT OUTER JOIN \\\"order\\\" AS lp_orders ON lp_orders.user_id = \\\"user\\\".id\\n\"")
                .contains("\"ORDER BY \\\"user\\\".id, lp_orders.\\\"placedAt\\\" DESC, lp_orders.id\"");
    }

    @Test
    void referenceToAnEntityWithAnObjectKeyCompilesWithoutLintWarnings() {
        Compilation compilation = compileWithLint(
                entity("Person", """
                        @Entity
                        public class Person {
                            @Id long id;
                            @Relationship(joinColumn = "passport_number") Passport passport;
                        }
                        """),
                entity("Passport", """
                        @Entity
                        public class Passport {
                            @Id(generated = false) String number;
                        }
                        """));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void relationshipNamedLikeAConstantOfTheMapping() {
        Compilation compilation = compile(
                entity("Reservation", """
                        @Entity
                        public class Reservation {
                            @Id long id;
                            @Relationship(joinColumn = "table_id") Table table;
                        }
                        """),
                entity("Table", """
                        @Entity(table = "tables")
                        public class Table {
                            @Id long id;
                            int seats;
                        }
                        """));

        assertThat(compilation).succeededWithoutWarnings();
    }
}
