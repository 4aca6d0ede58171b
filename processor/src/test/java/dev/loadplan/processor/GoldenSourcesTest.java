package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares a few representative generated sources with the golden files in {@code src/test/resources/golden},
 * as text: Javadoc, SQL constants and formatting included, which a tree comparison would ignore.
 *
 * <p>After a deliberate change to generated code, rewrite the golden files and review their diff like code:
 * <pre>
 * mvn -B -ntp test -pl processor -am -Dloadplan.updateGolden=true -Dtest=GoldenSourcesTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * With {@code loadplan.updateGolden=true} the test writes each file into the directory named by the system
 * property {@code loadplan.goldenDir} (the pom points it at {@code src/test/resources/golden}) and passes.
 *
 * <p>The inputs, {@code inputs/golden/library/Author.java} and {@code Book.java}, are the integration tests'
 * {@code Author} and {@code Book} in package {@code golden.library}, with README's views of them, {@code AuthorCard}
 * and {@code BookLine}.
 */
class GoldenSourcesTest {

    private static final String PACKAGE = "golden.library";
    private static final String GOLDEN_RESOURCES = "golden/";
    private static final boolean UPDATE = Boolean.getBoolean("loadplan.updateGolden");

    private static Compilation compilation;

    @BeforeAll
    static void compileLibrary() {
        compilation = compileLibraryEntities();
    }

    private static Compilation compileLibraryEntities() {
        return Compilations.compile(Compilations.resource("inputs/golden/library/Author.java"),
                Compilations.resource("inputs/golden/library/Book.java"),
                Compilations.resource("inputs/golden/library/AuthorCard.java"),
                Compilations.resource("inputs/golden/library/BookLine.java"));
    }

    @Test
    void libraryEntitiesCompileWithoutWarnings() {
        assertThat(compilation).succeededWithoutWarnings();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AuthorLoader", "BookMapping", "AuthorDao", "AuthorCardLoader", "AuthorCardMapping"})
    void generatedSourceMatchesGoldenFile(String simpleName) throws IOException {
        String generated = Compilations.generatedText(compilation, PACKAGE + "." + simpleName)
                .orElseThrow(() -> new AssertionError(simpleName + " was not generated"));
        String goldenFile = simpleName + ".java.txt";
        if (UPDATE) {
            write(goldenFile, generated);
            return;
        }
        assertThat(generated)
                .as("%s differs from golden/%s; if the change is intended, refresh the golden files with the "
                        + "command in GoldenSourcesTest's Javadoc and review their diff", simpleName, goldenFile)
                .isEqualTo(readGolden(goldenFile));
    }

    private static String readGolden(String goldenFile) throws IOException {
        try (InputStream in = GoldenSourcesTest.class.getClassLoader()
                .getResourceAsStream(GOLDEN_RESOURCES + goldenFile)) {
            if (in == null) {
                throw new AssertionError("no golden file " + GOLDEN_RESOURCES + goldenFile
                        + "; create it with the command in GoldenSourcesTest's Javadoc");
            }
            // A checkout with CRLF line ends must not fail the comparison.
            return new String(in.readAllBytes(), UTF_8).replace("\r\n", "\n");
        }
    }

    private static void write(String goldenFile, String text) throws IOException {
        String directory = System.getProperty("loadplan.goldenDir");
        if (directory == null || directory.isBlank()) {
            throw new AssertionError("loadplan.updateGolden=true needs loadplan.goldenDir, the directory to write to");
        }
        Path target = Path.of(directory).resolve(goldenFile);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, UTF_8);
    }
}
