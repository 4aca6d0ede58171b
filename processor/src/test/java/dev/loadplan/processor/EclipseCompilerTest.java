package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under Eclipse's compiler (ECJ) the processor writes what it writes under javac, to the byte. The two compilers
 * answer some questions of {@code javax.lang.model} differently (ECJ lists a record's fields sorted by name), and
 * generated code must not depend on those answers.
 *
 * <p>Here, the golden inputs and the cases where the compilers differ (a record's fields, a class compiled
 * before), in seconds and with no database. The whole space of entity forms and relationship kinds is the
 * integration tests' entity packages, whose generated sources {@code integration-tests-ecj} compares file for file.
 */
class EclipseCompilerTest {

    private static final String FORMS = "inputs/compilers/forms/";
    private static final String BEFORE = "inputs/compilers/before/";
    private static final String INHERITED = "inputs/compilers/inherited/";

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("golden library", List.of("inputs/golden/library/Author.java",
                        "inputs/golden/library/Book.java")),
                Arguments.of("a record", List.of(FORMS + "Pair.java")),
                Arguments.of("a class with a superclass", List.of(INHERITED + "Ticket.java", INHERITED + "Board.java",
                        INHERITED + "Stamped.java")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void eclipseGeneratesWhatJavacGenerates(String name, List<String> resources) {
        JavaFileObject[] sources = resources.stream().map(Compilations::resource).toArray(JavaFileObject[]::new);

        Compilation javac = Compilations.compile(sources);
        assertThat(javac).succeededWithoutWarnings();
        long entities = resources.stream().filter(resource -> !resource.endsWith("Stamped.java")).count();
        assertThat(generatedSources(javac)).as("javac's generated sources: three per entity")
                .hasSize(3 * (int) entities);

        // Compared before ECJ compiles them: where they differ, ECJ's errors are only the consequence.
        Compilation generatedByEcj = Compilations.processWithEclipse(sources);
        assertThat(generatedByEcj).succeededWithoutWarnings();
        assertThat(differences(generatedSources(javac), generatedSources(generatedByEcj)))
                .as("sources ECJ generated that differ from javac's").isEmpty();

        assertThat(Compilations.compileWithEclipse(sources)).succeededWithoutWarnings();
    }

    /**
     * {@code Pair(@Id long id, String title, String subtitle)}: ECJ lists its fields as id, subtitle, title. Taken
     * from there, a loaded pair had its title and subtitle swapped, and {@code update} wrote them back swapped.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javac", "ECJ"})
    void aRecordsColumnsAreInTheOrderOfItsComponents(String compiler) {
        JavaFileObject pair = Compilations.resource(FORMS + "Pair.java");
        Compilation compilation = compiler.equals("ECJ") ? Compilations.compileWithEclipse(pair)
                : Compilations.compile(pair);

        assertThat(compilation).succeeded();
        assertThat(Compilations.generatedText(compilation, "compilers.forms.PairMapping")).get(STRING)
                .contains(".columns(\"id\", \"title\", \"subtitle\")");
        assertThat(Compilations.generatedText(compilation, "compilers.forms.PairDao")).get(STRING)
                .contains("INSERT INTO pair (title, subtitle)");
    }

    /**
     * {@code Edition(id, title, isbn, catalog)}, compiled before {@code Catalog}, which is then compiled on its own:
     * ECJ lists a compiled class's fields by name (catalog, id, isbn, title), so Catalog's constants showed
     * Edition's columns in another order than the statements the runtime plans from Edition's mapping run. The
     * mapping writes the declared order down, and a later compilation reads it there. The same for the fields a
     * compiled entity ({@code Ticket}) inherits from a compiled superclass ({@code Stamped}).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            javac | before    | Catalog | Edition | SELECT editions.id, editions.title, editions.isbn, editions.catalog_id\\n
            ECJ   | before    | Catalog | Edition | SELECT editions.id, editions.title, editions.isbn, editions.catalog_id\\n
            javac | inherited | Board   | Ticket, Stamped | SELECT tickets.id, tickets.zone, tickets.created_at, tickets.title, tickets.board_id\\n
            ECJ   | inherited | Board   | Ticket, Stamped | SELECT tickets.id, tickets.zone, tickets.created_at, tickets.title, tickets.board_id\\n
            """)
    void anEntityCompiledBeforeKeepsItsDeclaredOrderInTheConstantsOfEntitiesCompiledAfter(String compiler,
            String folder, String after, String compiledBefore, String select, @TempDir Path classes)
            throws IOException {
        String inputs = "inputs/compilers/" + folder + "/";
        JavaFileObject later = Compilations.resource(inputs + after + ".java");
        List<JavaFileObject> sources = new ArrayList<>(List.of(later));
        for (String name : compiledBefore.split(",\\s*")) {
            sources.add(Compilations.resource(inputs + name + ".java"));
        }
        Compilation before = Compilations.compile(sources.toArray(JavaFileObject[]::new));
        assertThat(before).succeeded();
        for (JavaFileObject file : before.generatedFiles()) {
            String path = file.toUri().getPath();
            // Everything but the classes of the entity the second compilation compiles again.
            if (file.getKind() == JavaFileObject.Kind.CLASS && !path.contains("/compilers/" + folder + "/" + after)) {
                Path target = classes.resolve(path.substring(path.indexOf("/compilers/") + 1));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
        }
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;

        Compilation compilation = compiler.equals("ECJ")
                ? Compilations.compile(EclipseCompilers.ecj("-classpath", classPath), later)
                : Compilations.compile(Compiler.javac().withOptions("-classpath", classPath), later);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.generatedText(compilation, "compilers." + folder + "." + after + "Loader"))
                .get(STRING).contains(select);
    }

    /** Each generated source's text, by its path below the source output. */
    private static Map<String, String> generatedSources(Compilation compilation) {
        Map<String, String> sources = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            sources.put(file.toUri().getPath().replaceFirst("^/SOURCE_OUTPUT/", ""), Compilations.text(file));
        }
        return sources;
    }

    /** A line for each file only one compiler generated, and for each file whose text differs, at its first line. */
    private static List<String> differences(Map<String, String> javac, Map<String, String> ecj) {
        Set<String> files = new TreeSet<>(javac.keySet());
        files.addAll(ecj.keySet());
        List<String> differences = new ArrayList<>();
        for (String file : files) {
            if (!ecj.containsKey(file) || !javac.containsKey(file)) {
                differences.add(file + ": generated by " + (ecj.containsKey(file) ? "ECJ" : "javac") + " only");
            } else if (!javac.get(file).equals(ecj.get(file))) {
                differences.add(file + ": " + firstDifference(javac.get(file), ecj.get(file)));
            }
        }
        return differences;
    }

    private static String firstDifference(String javac, String ecj) {
        List<String> javacLines = javac.lines().toList();
        List<String> ecjLines = ecj.lines().toList();
        int line = 0;
        while (line < javacLines.size() && line < ecjLines.size() && javacLines.get(line).equals(ecjLines.get(line))) {
            line++;
        }
        if (line == javacLines.size() && line == ecjLines.size()) {
            return "same lines, different line ends";
        }
        return "first differs at line " + (line + 1) + "\n    javac: " + lineOrEnd(javacLines, line)
                + "\n    ECJ:   " + lineOrEnd(ecjLines, line);
    }

    private static String lineOrEnd(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index) : "(end of file)";
    }
}
