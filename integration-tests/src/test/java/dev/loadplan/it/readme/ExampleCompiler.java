package dev.loadplan.it.readme;

import dev.loadplan.it.support.ProcessorBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

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
        ProcessorBuild build = ProcessorBuild.in(folder);
        Map<Path, JavaExamples.Source> written = new HashMap<>();
        List<Path> files = new ArrayList<>(examples.entityFiles());
        try {
            Path source = Files.createDirectories(build.sources().resolve(JavaExamples.PACKAGE));
            for (JavaExamples.Source example : examples.sources()) {
                Path file = source.resolve(example.className() + ".java");
                Files.writeString(file, example.text());
                written.put(file.toAbsolutePath().normalize(), example);
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Diagnostic<? extends JavaFileObject>> errors = build.compile(files);
        if (!errors.isEmpty()) {
            throw new AssertionError("README.md's java blocks do not compile (sources in " + build.sources() + "):\n"
                    + String.join("\n", errors(errors, written, readme.split("\\R", -1))));
        }
        return build.classes(ExampleCompiler.class.getClassLoader());
    }

    /** Each error at its README line and that line's text, or at its file and line when it is not README's. */
    private static List<String> errors(List<Diagnostic<? extends JavaFileObject>> diagnostics,
            Map<Path, JavaExamples.Source> written, String[] readme) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
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
