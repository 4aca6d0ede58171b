package dev.loadplan.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import javax.tools.JavaFileObject;

/** Compiles test inputs with {@link LoadPlanProcessor}, and reads back what it generated. */
public final class Compilations {

    /** The package of every input written with {@link #entity}. */
    public static final String PACKAGE = "test";

    /** The three sources the processor writes beside each entity. */
    public static final List<String> GENERATED_SUFFIXES = List.of("Mapping", "Loader", "Dao");

    private static final String HEADER = "package " + PACKAGE + ";\n\n" + """
            import dev.loadplan.Ref;
            import dev.loadplan.Strategy;
            import dev.loadplan.annotations.Column;
            import dev.loadplan.annotations.Entity;
            import dev.loadplan.annotations.Id;
            import dev.loadplan.annotations.Relationship;
            import dev.loadplan.annotations.Version;
            import java.util.List;
            import java.util.Set;

            """;

    /** The sources each compilation's processor created; compilations compare by identity. */
    private static final Map<Compilation, List<String>> CREATED_SOURCES =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Compilations() {
    }

    /**
     * The source of class {@code simpleName} in package {@link #PACKAGE}, with the loadplan annotations,
     * {@code Strategy}, {@code List} and {@code Set} imported; {@code body} is the rest of the file.
     */
    public static JavaFileObject entity(String simpleName, String body) {
        return JavaFileObjects.forSourceString(PACKAGE + "." + simpleName, HEADER + body);
    }

    /** A source read from the test resources, such as {@code inputs/golden/library/Author.java}. */
    public static JavaFileObject resource(String path) {
        return JavaFileObjects.forResource(path);
    }

    public static Compilation compile(JavaFileObject... sources) {
        return compile(Compiler.javac(), sources);
    }

    /** Compiles with every lint warning, so that warnings in generated code show. */
    public static Compilation compileWithLint(JavaFileObject... sources) {
        return compile(Compiler.javac().withOptions("-Xlint:all"), sources);
    }

    /**
     * Compiles with Eclipse's compiler (ECJ) instead of javac. The sources must be files, as {@link #resource} reads:
     * ECJ takes a source's URI for a file's, and those {@link #entity} writes in memory are not.
     */
    public static Compilation compileWithEclipse(JavaFileObject... sources) {
        return compile(EclipseCompilers.ecj(), sources);
    }

    /**
     * Runs the processor under ECJ and compiles nothing: what it generates can be read even where ECJ would reject
     * it (compile-testing hides generated files once a compilation fails).
     */
    public static Compilation processWithEclipse(JavaFileObject... sources) {
        return compile(EclipseCompilers.ecj("-proc:only"), sources);
    }

    /** Compiles with {@code compiler}, javac or ECJ with options of the test's own, and {@link LoadPlanProcessor}. */
    public static Compilation compile(Compiler compiler, JavaFileObject... sources) {
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = compiler.withProcessors(processor).compile(sources);
        CREATED_SOURCES.put(compilation, processor.createdSources());
        return compilation;
    }

    /** The text of the generated source {@code qualifiedName}, or empty when it was not generated. */
    public static Optional<String> generatedText(Compilation compilation, String qualifiedName) {
        return compilation.generatedSourceFile(qualifiedName).map(Compilations::text);
    }

    /**
     * Which of {@code <Entity>Mapping}, {@code <Entity>Loader} and {@code <Entity>Dao} the processor created, also
     * when the compilation failed (compile-testing then hides generated files).
     */
    public static List<String> generatedFor(Compilation compilation, String entityQualifiedName) {
        List<String> created = createdSources(compilation);
        return GENERATED_SUFFIXES.stream()
                .map(suffix -> entityQualifiedName + suffix)
                .filter(created::contains)
                .toList();
    }

    /** The qualified names of every source the processor created, also when the compilation failed. */
    public static List<String> createdSources(Compilation compilation) {
        List<String> created = CREATED_SOURCES.get(compilation);
        if (created == null) {
            throw new IllegalArgumentException("not a compilation of Compilations.compile");
        }
        return created;
    }

    public static String text(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's bytes exactly as the processor wrote them. */
    public static byte[] bytes(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
