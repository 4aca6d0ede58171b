package dev.loadplan.it.differential;

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
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated domains as a user's build does, with the loadplan processor, into a folder of the module's
 * {@code target}, where their sources and the processor's stay for reading when a case fails.
 */
final class GeneratedSources {

    private GeneratedSources() {
    }

    /** Compiles {@code sources} (text by qualified class name) and returns a loader of the classes. */
    static ClassLoader compile(Path folder, Map<String, String> sources) {
        try {
            Folders.deleteRecursively(folder);
            Path source = Files.createDirectories(folder.resolve("src"));
            Path generated = Files.createDirectories(folder.resolve("generated"));
            Path classes = Files.createDirectories(folder.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> entry : sources.entrySet()) {
                Path file = source.resolve(entry.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, entry.getValue());
                files.add(file);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, null, null)) {
                List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                        "-d", classes.toString(), "-s", generated.toString(), "-implicit:none", "-Xlint:none");
                JavaCompiler.CompilationTask task = javac.getTask(null, manager, diagnostics, options, null,
                        manager.getJavaFileObjectsFromPaths(files));
                task.setProcessors(List.of(new LoadPlanProcessor()));
                if (!task.call()) {
                    List<String> errors = new ArrayList<>();
                    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                        if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                            errors.add(diagnostic.toString());
                        }
                    }
                    throw new IllegalStateException("generated domains in " + source + " do not compile:\n"
                            + String.join("\n", errors.subList(0, Math.min(20, errors.size()))));
                }
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedSources.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
