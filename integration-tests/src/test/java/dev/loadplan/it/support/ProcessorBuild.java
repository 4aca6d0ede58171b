package dev.loadplan.it.support;

import dev.loadplan.processor.LoadPlanProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources a test writes with the loadplan processor, as a user's build does, in a folder of the module's
 * {@code target} whose sources ({@code src/}), generated sources ({@code generated/}) and classes ({@code classes/})
 * stay for reading when a test fails.
 */
public final class ProcessorBuild {

    private final Path sources;
    private final Path generated;
    private final Path classes;

    private ProcessorBuild(Path sources, Path generated, Path classes) {
        this.sources = sources;
        this.generated = generated;
        this.classes = classes;
    }

    /** A build in {@code folder}, emptied first. */
    public static ProcessorBuild in(Path folder) {
        try {
            deleteRecursively(folder);
            return new ProcessorBuild(Files.createDirectories(folder.resolve("src")),
                    Files.createDirectories(folder.resolve("generated")),
                    Files.createDirectories(folder.resolve("classes")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the test writes its sources. */
    public Path sources() {
        return sources;
    }

    /** Compiles {@code files} with the processor; returns the errors, none when they compiled. */
    public List<Diagnostic<? extends JavaFileObject>> compile(List<Path> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-s", generated.toString(), "-implicit:none", "-Xlint:none");
            JavaCompiler.CompilationTask task = javac.getTask(null, manager, diagnostics, options, null,
                    manager.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new LoadPlanProcessor()));
            task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(diagnostic);
            }
        }
        return errors;
    }

    /** A loader of the compiled classes, below {@code parent}. */
    public ClassLoader classes(ClassLoader parent) {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes {@code folder} and everything in it; nothing when it does not exist. */
    public static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
