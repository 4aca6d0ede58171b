package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/**
 * A domain as a team writes one, across two packages with package-private fields (a class pointing at a class and
 * a record of the other package), builds with every lint warning turned into an error: what the processor generates
 * compiles cleanly beside it, in whichever package, and claims the annotations it reads.
 */
class LintCleanBuildTest {

    @Test
    void aTwoPackageDomainCompilesWithEveryLintWarningAnError() {
        Compilation compilation = Compiler.javac().withOptions("-Xlint:all", "-Werror")
                .withProcessors(new LoadPlanProcessor())
                .compile(JavaFileObjects.forSourceString("crm.Customer", """
                        package crm;

                        import dev.loadplan.annotations.Entity;
                        import dev.loadplan.annotations.Id;
                        import dev.loadplan.annotations.Relationship;
                        import java.util.List;
                        import sales.Order;

                        @Entity(table = "customers")
                        public class Customer {
                            @Id long id;
                            String name;
                            @Relationship(mappedBy = "customer", orderBy = "id") List<Order> orders;
                        }
                        """), JavaFileObjects.forSourceString("sales.Order", """
                        package sales;

                        import crm.Customer;
                        import crm.Label;
                        import java.util.List;
                        import dev.loadplan.annotations.Entity;
                        import dev.loadplan.annotations.Id;
                        import dev.loadplan.annotations.Relationship;

                        @Entity(table = "orders")
                        public class Order {
                            @Id long id;
                            String reference;
                            @Relationship(joinColumn = "customer_id") Customer customer;
                            @Relationship(joinTable = "order_labels", joinColumn = "order_id",
                                    inverseJoinColumn = "label_id") List<Label> labels;
                        }
                        """), JavaFileObjects.forSourceString("crm.Label", """
                        package crm;

                        import dev.loadplan.annotations.Entity;
                        import dev.loadplan.annotations.Id;

                        @Entity(table = "labels")
                        public record Label(@Id long id, String name) {
                        }
                        """));

        assertThat(compilation).succeededWithoutWarnings();
    }
}
