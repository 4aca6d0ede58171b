package dev.loadplan.it.readme;

import dev.loadplan.it.support.Folders;
import dev.loadplan.processor.LoadPlanProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles README's examples with the loadplan processor, as a user's build would, into a folder of the module's
 * {@code target} where the sources stay for reading. An error is reported at the README line it comes from.
 */
final class ExampleCompiler {

    private ExampleCompiler() {
    }

    /**
     * Compiles every source of {@code examples} and returns a loader of the classes; throws an {@link AssertionError}
     * listing every error, each at its README line, when they do not compile.
     */
    static ClassLoader compile(Path folder, JavaExamples examples, String readme) {
        try {
            Folders.deleteRecursively(folder);
            Path source = Files.createDirectories(folder.resolve("src").resolve(JavaExamples.PACKAGE));
            Path generated = Files.createDirectories(folder.resolve("generated"));
            Path classes = Files.createDirectories(folder.resolve("classes"));
            Map<Path, JavaExamples.Source> written = new HashMap<>();
            List<Path> files = new ArrayList<>(examples.entityFiles());
            for (JavaExamples.Source example : examples.sources()) {
                Path file = source.resolve(example.className() + ".java");
                Files.writeString(file, example.text());
                written.put(file.toAbsolutePath().normalize(), example);
                files.add(file);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                        "-d", classes.toString(), "-s", generated.toString(), "-implicit:none", "-Xlint:none");
                JavaCompiler.CompilationTask task = javac.getTask(null, manager, diagnostics, options, null,
                        manager.getJavaFileObjectsFromPaths(files));
                task.setProcessors(List.of(new LoadPlanProcessor()));
                if (!task.call()) {
                    throw new AssertionError("README.md's java blocks do not compile (sources in " + source + "):\n"
                            + String.join("\n", errors(diagnostics, written, readme.split("\\R", -1))));
                }
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ExampleCompiler.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each error at its README line and that line's text, or at its file and line when it is not README's. */
    private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics,
            Map<Path, JavaExamples.Source> written, String[] readme) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String message = diagnostic.getMessage(Locale.ROOT);
            JavaExamples.Source source = diagnostic.getSource() == null ? null
                    : written.get(Path.of(diagnostic.getSource().toUri()).toAbsolutePath().normalize());
            long line = diagnostic.getLineNumber();
            int readmeLine = source == null || line < 1 || line > source.readmeLines().size() ? 0
                    : source.readmeLines().get((int) line - 1);
            if (readmeLine > 0) {
                errors.add("README.md:" + readmeLine + ": " + message + "\n    " + readme[readmeLine - 1].strip());
            } else {
                String where = diagnostic.getSource() == null ? "" : diagnostic.getSource().getName() + ":" + line;
                errors.add(where + ": " + message);
            }
        }
        return errors;
    }
}
