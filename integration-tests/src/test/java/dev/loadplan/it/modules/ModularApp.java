package dev.loadplan.it.modules;

import dev.loadplan.it.support.Maven;
import dev.loadplan.it.support.ProcessorBuild;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The modular application in {@code src/test/resources/modular-app/src} (module {@code app}), built and run as a
 * user's build would: javac with loadplan's jars and their dependencies on the module path and the processor on the
 * processor path, then {@code java -m app/app.Main} in a JVM of its own. Everything it makes stays in its folder of
 * the module's {@code target} for reading when a test fails: {@code src/}, {@code generated/}, {@code classes/},
 * {@code jars/}.
 */
final class ModularApp {

    private static final String TEMPLATE = "/modular-app/src/module-info.java";

    /** What a strict team lints: everything. */
    private static final String LINT = "-Xlint:all";

    private final Path sources;
    private final Path generated;
    private final Path classes;
    private final Path jars;

    private ModularApp(Path folder) throws IOException {
        this.sources = folder.resolve("src");
        this.generated = Files.createDirectories(folder.resolve("generated"));
        this.classes = Files.createDirectories(folder.resolve("classes"));
        this.jars = Files.createDirectories(folder.resolve("jars"));
    }

    /** The application's sources copied to {@code folder} (emptied first), its module-info changed by {@code edit}. */
    static ModularApp copy(Path folder, UnaryOperator<String> edit) throws IOException {
        ProcessorBuild.deleteRecursively(folder);
        ModularApp app = new ModularApp(Files.createDirectories(folder));
        Path template = resource(TEMPLATE).getParent();
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = app.sources.resolve(template.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Path moduleInfo = app.sources.resolve("module-info.java");
        Files.writeString(moduleInfo, edit.apply(Files.readString(moduleInfo)));
        return app;
    }

    /** The module-info the application is compiled with. */
    String moduleInfo() throws IOException {
        return Files.readString(sources.resolve("module-info.java"));
    }

    /** Compiles the application; returns every diagnostic javac gave, warnings and notes included. */
    List<Diagnostic<? extends JavaFileObject>> compile() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        List<String> options = List.of(LINT,
                "--module-path", path(modulePath()),
                "--processor-path", path(processorPath()),
                "-d", classes.toString(), "-s", generated.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            javac.getTask(null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files))
                    .call();
        }
        return diagnostics.getDiagnostics();
    }

    /** The sources the processor generated, by file name ({@code AuthorLoader.java}). */
    Map<String, String> generatedSources() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(generated)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sources.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return sources;
    }

    /** What a run printed, and how it ended. */
    record Run(int exitCode, String out, String err) {
    }

    /** Runs {@code app/app.Main} with {@code arguments} in a JVM of this JDK, with the compiled module. */
    Run run(String... arguments) throws IOException, InterruptedException {
        List<Path> modulePath = new ArrayList<>(List.of(classes));
        modulePath.addAll(modulePath());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                "--module-path", path(modulePath), "-m", "app/app.Main"));
        command.addAll(List.of(arguments));
        Path out = classes.resolveSibling("run.out");
        Path err = classes.resolveSibling("run.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("app.Main did not end within 2 minutes: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * What a user's module path holds: loadplan's runtime and planner, what they depend on (JDBI and its geantyref,
     * the PostgreSQL driver, slf4j-api) and an slf4j provider.
     */
    List<Path> modulePath() throws IOException {
        return List.of(runtimeJar(), plannerJar(),
                jarOf("org.jdbi.v3.core.Jdbi"),
                jarOf("io.leangen.geantyref.TypeToken"),
                jarOf("org.postgresql.Driver"),
                jarOf("org.slf4j.LoggerFactory"),
                jarOf("org.slf4j.simple.SimpleLogger"));
    }

    /** loadplan's runtime, as this reactor built it. */
    Path runtimeJar() throws IOException {
        return Maven.runtimeJar(jars.resolve("loadplan-runtime.jar"));
    }

    /** loadplan's planner, as this reactor built it. */
    Path plannerJar() throws IOException {
        return Maven.plannerJar(jars.resolve("loadplan-planner.jar"));
    }

    /** loadplan's processor, as this reactor built it. */
    Path processorJar() throws IOException {
        return Maven.processorJar(jars.resolve("loadplan-processor.jar"));
    }

    /** The processor and what it runs with: the planner, which writes the statements, and JavaPoet. */
    private List<Path> processorPath() throws IOException {
        return List.of(processorJar(), plannerJar(), jarOf("com.palantir.javapoet.JavaFile"));
    }

    private static String path(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** The jar on this test's class path that holds {@code className}. */
    private static Path jarOf(String className) {
        try {
            Class<?> type = Class.forName(className, false, ModularApp.class.getClassLoader());
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("no jar of " + className + " on the test class path", e);
        }
    }

    private static Path resource(String name) {
        URL url = ModularApp.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
