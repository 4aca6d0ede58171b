package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Generated code does not depend on the build it comes from: no timestamps, no hash order. */
class StableOutputTest {

    private static final JavaFileObject AUTHOR = Compilations.resource("inputs/golden/library/Author.java");
    private static final JavaFileObject BOOK = Compilations.resource("inputs/golden/library/Book.java");

    @Test
    void compilingTheSameInputTwiceWritesByteIdenticalSources() {
        Compilation first = Compilations.compile(AUTHOR, BOOK);
        Compilation second = Compilations.compile(AUTHOR, BOOK);
        assertThat(first).succeeded();
        assertThat(second).succeeded();

        Map<String, byte[]> firstSources = sources(first);
        Map<String, byte[]> secondSources = sources(second);

        assertThat(firstSources).hasSize(6);
        assertThat(secondSources.keySet()).containsExactlyElementsOf(firstSources.keySet());
        firstSources.forEach((name, bytes) ->
                assertThat(secondSources.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void theOrderOfTheInputsDoesNotChangeTheGeneratedSources() {
        Compilation authorFirst = Compilations.compile(AUTHOR, BOOK);
        Compilation bookFirst = Compilations.compile(BOOK, AUTHOR);
        assertThat(authorFirst).succeeded();
        assertThat(bookFirst).succeeded();

        Map<String, byte[]> expected = sources(authorFirst);
        Map<String, byte[]> actual = sources(bookFirst);

        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as(name).isEqualTo(bytes));
    }

    private static Map<String, byte[]> sources(Compilation compilation) {
        Map<String, byte[]> sources = new LinkedHashMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            sources.put(file.toUri().toString(), Compilations.bytes(file));
        }
        return sources;
    }
}
