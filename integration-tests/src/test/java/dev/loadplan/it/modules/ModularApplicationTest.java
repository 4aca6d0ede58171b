package dev.loadplan.it.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.support.DatabaseUrl;
import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A modular application (module {@code app}, in {@code src/test/resources/modular-app}) that requires
 * {@code dev.loadplan.runtime} and nothing else, though it calls JDBI: it compiles without a warning against loadplan's
 * jars on the module path, its generated code reading the planner's types and JDBC's through the runtime, and runs
 * with no {@code --add-modules}, loading the same graph by two plans. The generated sources carry {@code @Generated} exactly when the
 * module reads {@code java.compiler}.
 *
 * <p>Run by {@code mvn verify}, it uses the jars the reactor packaged; by {@code mvn test}, jars made of the classes,
 * named from the modules' poms.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("modular-app/schema.sql")
class ModularApplicationTest {

    private static final Path FOLDER = Path.of(System.getProperty("basedir", "."), "target", "modular-app");

    private static final String GENERATED = "@Generated(\"dev.loadplan.processor.LoadPlanProcessor\")";

    /** The graph in the rows of schema.sql, as app.Main prints it. */
    private static final List<String> GRAPH = List.of(
            "  Ada: Notes (Penguin), Sketches (Vintage)",
            "  Brian: ",
            "  Chloe: Letters (Vintage), Drafts (no publisher)");

    /** The runtime and the planner declare their modules; the processor, on a processor path, names its own. */
    private static final Map<String, Boolean> AUTOMATIC = Map.of(
            "dev.loadplan.runtime", false, "dev.loadplan.planner", false, "dev.loadplan.processor", true);

    @Test
    void loadplansJarsAreTheModulesTheirNamesSayAndShareNoPackage() throws Exception {
        ModularApp app = ModularApp.copy(FOLDER.resolve("names"), UnaryOperator.identity());
        Map<String, Path> jars = Map.of(
                "dev.loadplan.runtime", app.runtimeJar(),
                "dev.loadplan.planner", app.plannerJar(),
                "dev.loadplan.processor", app.processorJar());
        Map<String, String> owners = new HashMap<>();
        jars.forEach((name, jar) -> {
            List<ModuleReference> found = new ArrayList<>(ModuleFinder.of(jar).findAll());
            assertThat(found).as("the module in %s", jar).hasSize(1);
            ModuleDescriptor module = found.get(0).descriptor();
            assertThat(module.name()).as("the module name of %s", jar).isEqualTo(name);
            assertThat(module.isAutomatic()).as("%s is an automatic module", name).isEqualTo(AUTOMATIC.get(name));
            for (String aPackage : module.packages()) {
                assertThat(owners.put(aPackage, name)).as("a module other than %s with package %s", name, aPackage)
                        .isNull();
            }
        });
    }

    @Test
    void aModuleRequiringTheRuntimeCompilesWithoutWarningsAndLoadsOneGraphByEveryPlan(Jdbi jdbi) throws Exception {
        ModularApp app = ModularApp.copy(FOLDER.resolve("app"), UnaryOperator.identity());
        assertThat(app.moduleInfo().lines().map(String::strip).filter(line -> line.startsWith("requires")))
                .containsExactly("requires dev.loadplan.runtime;");

        assertThat(app.compile()).as("javac's diagnostics").isEmpty();
        Map<String, String> generated = app.generatedSources();
        assertThat(generated).as("three sources for each of three entities").hasSize(9);
        // The module does not read java.compiler, where @Generated is.
        generated.forEach((file, source) -> assertThat(source).as(file)
                .doesNotContain("@Generated").doesNotContain("javax.annotation.processing"));

        ModularApp.Run run = app.run(DatabaseUrl.of(jdbi), "postgres");
        assertThat(run.exitCode()).as("exit code of app.Main; its error output:%n%s", run.err()).isZero();
        assertThat(run.err()).as("app.Main's error output").isEmpty();
        List<String> expected = new ArrayList<>();
        expected.add("books select-in, publishers joined");
        expected.addAll(GRAPH);
        expected.add("books joined, publishers select-in");
        expected.addAll(GRAPH);
        assertThat(run.out().lines()).as("app.Main's output").containsExactlyElementsOf(expected);
    }

    @Test
    void aModuleThatRequiresJavaCompilerStaticGetsTheGeneratedAnnotation() throws Exception {
        ModularApp app = ModularApp.copy(FOLDER.resolve("with-java-compiler"), moduleInfo -> moduleInfo.replace(
                "    requires dev.loadplan.runtime;\n",
                "    requires dev.loadplan.runtime;\n    requires static java.compiler;\n"));
        assertThat(app.moduleInfo()).contains("requires static java.compiler;");

        assertThat(app.compile()).as("javac's diagnostics").isEmpty();

        Map<String, String> generated = app.generatedSources();
        assertThat(generated).as("three sources for each of three entities").hasSize(9);
        generated.forEach((file, source) -> assertThat(source).as(file)
                .contains("import javax.annotation.processing.Generated;").contains(GENERATED));
    }
}
