package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.compile;
import static dev.loadplan.processor.Compilations.entity;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The door between generated code and loadplan is narrow: generated sources name no planner type and, of the
 * runtime, only the API a user calls (the types their methods return or extend) and the package documented as
 * generated code's ({@code dev.loadplan.internal}). A refactor of the planner then changes no user's generated code.
 * Checked over a domain with every relationship kind and form: a table in a schema, an owning one-to-one joined
 * inner, its inverse, a one-to-many ordered descending, a many-to-many in another schema, a {@code Ref}, and a record.
 */
class GeneratedImportsTest {

    /** The runtime's API that generated code may name: what generated methods return, extend or take. */
    private static final Set<String> API = Set.of("dev.loadplan.EntityDao", "dev.loadplan.LoaderPlan",
            "dev.loadplan.LoaderSchema", "dev.loadplan.Strategy", "dev.loadplan.Ref");

    private static final Pattern LOADPLAN_NAME = Pattern.compile("\\bdev\\.loadplan\\.[\\w.]+");

    @Test
    void generatedSourcesNameNoPlannerTypeAndOfTheRuntimeOnlyItsApiAndTheGeneratedCodePackage() {
        Compilation compilation = compile(
                entity("Person", """
                        @Entity(schema = "people", table = "person")
                        public class Person {
                            @Id long id;
                            @Relationship(joinColumn = "passport_id", innerJoin = true, strategy = Strategy.JOINED)
                            Passport passport;
                            @Relationship(mappedBy = "owner", orderBy = "label DESC, id")
                            List<Pet> pets;
                            @Relationship(joinTable = "person_clubs", joinTableSchema = "clubs",
                                    joinColumn = "person_id", inverseJoinColumn = "club_id")
                            List<Club> clubs;
                        }
                        """),
                entity("Passport", """
                        @Entity
                        public class Passport {
                            @Id long id;
                            String number;
                            @Relationship(mappedBy = "passport") dev.loadplan.Ref<Person> holder;
                        }
                        """),
                entity("Pet", """
                        @Entity
                        public record Pet(@Id long id, String label, @Relationship(joinColumn = "owner_id") Person owner) {
                        }
                        """),
                entity("Club", """
                        @Entity
                        public class Club {
                            @Id long id;
                            String name;
                        }
                        """));

        assertThat(compilation).succeeded();
        Set<String> named = new TreeSet<>();
        List<String> sources = Compilations.createdSources(compilation);
        assertThat(sources).hasSize(12);
        for (String source : sources) {
            Matcher names = LOADPLAN_NAME.matcher(Compilations.generatedText(compilation, source).orElseThrow());
            while (names.find()) {
                named.add(names.group());
            }
        }
        assertThat(named).noneMatch(name -> name.startsWith("dev.loadplan.planner"))
                .allMatch(name -> API.contains(name) || name.startsWith("dev.loadplan.internal.")
                        || name.equals("dev.loadplan.processor.LoadPlanProcessor"));
        assertThat(named).as("the descriptors generated code builds its tables and joins with")
                .contains("dev.loadplan.internal.Table", "dev.loadplan.internal.Join",
                        "dev.loadplan.internal.RelationSpec");
    }
}
