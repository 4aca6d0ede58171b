package dev.loadplan.it.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadplan.it.support.EmbeddedPostgresExtension;
import dev.loadplan.it.support.Schema;
import dev.loadplan.it.support.StatementCounter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every java block of README.md is compiled, with the loadplan processor, and run against PostgreSQL, and what
 * its comments claim is checked, so README cannot rot: a renamed method, a changed statement count or a wrong
 * constant fails here. {@link JavaExamples} says how a block is read (declarations, statements, claims, markers);
 * {@code schema/readme.sql} holds the tables and a few rows of each.
 *
 * <p>The last two tests break a copy of README the way time would, and check that the first two would fail.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
@Schema("schema/readme.sql")
class ReadmeExamplesTest {

    private static final Pattern COUNT_CLAIM = Pattern.compile("(?<![\\w.])(\\d+)( statements?\\b)");
    private static final Pattern CALL = Pattern.compile("\\.(with\\w+|list|sql|stream|where)\\(");

    @Test
    void readmeHasJavaBlocksWithClaims() {
        JavaExamples examples = JavaExamples.of(Readme.text(), Readme.root());

        // The extraction is what every other check stands on: it must find README's blocks and their claims.
        assertThat(examples.examples()).as("java blocks of README.md").hasSizeGreaterThanOrEqualTo(3);
        // A block that cannot run here (it needs servers the test has not) says why.
        assertThat(examples.examples()).as("blocks that run, or say why not").allMatch(example -> example.runs()
                || example.block().marker().matches(".*compile only \\(.+\\).*"));
        assertThat(examples.examples()).filteredOn(JavaExamples.Example::runs).as("blocks that run")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(examples.sources()).extracting(JavaExamples.Source::className).as("types README declares")
                .contains("Author", "Book");
        List<String> claims = examples.examples().stream().flatMap(example -> example.claims().stream())
                .map(JavaExamples.Claim::says).toList();
        assertThat(claims).as("claims in README's comments")
                .contains("2 statements", "[AuthorLoader.PLAIN, AuthorLoader.BOOKS_SELECT_IN]", "3 statements");
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompilesRunsAndHoldsItsClaims(Jdbi jdbi, StatementCounter counter) {
        String readme = Readme.text();
        JavaExamples examples = JavaExamples.of(readme, Readme.root());
        ClassLoader classes = ExampleCompiler.compile(folder("readme"), examples, readme);
        return examples.examples().stream().map(example -> DynamicTest.dynamicTest(
                "README.md:" + example.block().firstLine() + (example.runs() ? "" : " (compile only)"),
                () -> {
                    if (example.runs()) {
                        List<String> checked = run(classes, example, jdbi, counter);
                        assertThat(checked).as("claims checked").hasSize(example.claims().size());
                    }
                }));
    }

    /** A method renamed in a copy of README fails the compilation, at the README line of the call. */
    @Test
    void aBlockThatNoLongerCompilesFailsAtItsReadmeLine() {
        String readme = Readme.text();
        JavaExamples examples = JavaExamples.of(readme, Readme.root());
        Readme.Block block = examples.examples().get(0).block();
        int index = indexOf(block.lines(), CALL);
        Matcher call = CALL.matcher(block.lines().get(index));
        assertThat(call.find()).isTrue();
        int line = block.line(index);
        String broken = replaceLine(readme, line, call.replaceFirst(".$1Renamed("));

        JavaExamples brokenExamples = JavaExamples.of(broken, Readme.root());
        assertThatThrownBy(() -> ExampleCompiler.compile(folder("readme-broken"), brokenExamples, broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("README.md:" + line + ": cannot find symbol")
                .hasMessageContaining(call.group(1) + "Renamed(");
    }

    /** A statement count and a value claimed wrongly in a copy of README fail the run, naming the line. */
    @Test
    void aWrongClaimFailsAtItsReadmeLine(Jdbi jdbi, StatementCounter counter) {
        String readme = Readme.text();
        JavaExamples.Example original = JavaExamples.of(readme, Readme.root()).examples().get(0);
        int countLine = original.block().line(indexOf(original.block().lines(), COUNT_CLAIM));
        Matcher count = COUNT_CLAIM.matcher(readme.split("\\R", -1)[countLine - 1]);
        assertThat(count.find()).isTrue();
        String wrongCount = replaceLine(readme, countLine,
                count.replaceFirst((Integer.parseInt(count.group(1)) + 1) + "$2"));
        String wrongValue = readme.replace("[AuthorLoader.PLAIN, AuthorLoader.BOOKS_SELECT_IN]",
                "[AuthorLoader.BOOKS_SELECT_IN, AuthorLoader.PLAIN]");
        assertThat(wrongValue).as("README's first block still claims AuthorLoader.withBooksSelectIn().sql()")
                .isNotEqualTo(readme);

        assertThatThrownBy(() -> runFirst(wrongCount, "readme-wrong-count", jdbi, counter))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("README.md:" + countLine + " claims " + (Integer.parseInt(count.group(1)) + 1));
        assertThatThrownBy(() -> runFirst(wrongValue, "readme-wrong-value", jdbi, counter))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the value its comment claims");
    }

    private static void runFirst(String readme, String folder, Jdbi jdbi, StatementCounter counter) {
        JavaExamples examples = JavaExamples.of(readme, Readme.root());
        ClassLoader classes = ExampleCompiler.compile(folder(folder), examples, readme);
        run(classes, examples.examples().get(0), jdbi, counter);
    }

    /** Runs one block on a handle of its own; a failure names the README line of the statement that ran last. */
    private static List<String> run(ClassLoader classes, JavaExamples.Example example, Jdbi jdbi,
            StatementCounter counter) {
        ReadmeExample runner;
        try {
            runner = Class.forName(JavaExamples.PACKAGE + "." + example.runner(), true, classes)
                    .asSubclass(ReadmeExample.class).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the compiled block " + example.runner() + " did not load", e);
        }
        Claims claims = new Claims(counter);
        try (Handle handle = jdbi.open()) {
            runner.run(jdbi, handle, claims);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("README.md:" + claims.line() + " threw " + e, e);
        }
        return claims.checked();
    }

    private static int indexOf(List<String> lines, Pattern pattern) {
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        throw new AssertionError("no line of README's first java block matches " + pattern);
    }

    private static String replaceLine(String text, int line, String replacement) {
        List<String> lines = new ArrayList<>(List.of(text.split("\\R", -1)));
        lines.set(line - 1, replacement);
        return String.join("\n", lines);
    }

    private static Path folder(String name) {
        return Readme.root().resolve("integration-tests").resolve("target").resolve(name);
    }
}
