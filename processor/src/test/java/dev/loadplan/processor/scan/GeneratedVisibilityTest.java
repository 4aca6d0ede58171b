package dev.loadplan.processor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a class sees {@code @Generated}, asked from inside javac for class {@code app.A}: on the class path, and in
 * module {@code app} with each way of reading (or not reading) {@code java.compiler}. Module {@code lib}, which
 * {@code app} may require, requires {@code java.compiler} itself, transitively or not.
 */
class GeneratedVisibilityTest {

    private static final String GENERATED = "javax.annotation.processing.Generated";

    @TempDir
    Path folder;

    /** What the probe saw for {@code app.A}. */
    private record Seen(boolean visible, boolean foundByName) {
    }

    @Test
    void theClassPathSeesIt() {
        assertThat(compileApp(null, false).visible()).isTrue();
    }

    @Test
    void aModuleThatRequiresNothingDoesNot() {
        Seen seen = compileApp("module app { }", false);

        assertThat(seen.visible()).isFalse();
        assertThat(seen.foundByName()).isFalse();
    }

    @Test
    void aModuleThatRequiresJavaCompilerStaticSeesIt() {
        assertThat(compileApp("module app { requires static java.compiler; }", false).visible()).isTrue();
    }

    @Test
    void aModuleThatRequiresJavaCompilerSeesIt() {
        assertThat(compileApp("module app { requires java.compiler; }", false).visible()).isTrue();
    }

    @Test
    void aModuleThatRequiresJavaSeSeesItThroughItsTransitiveRequires() {
        assertThat(compileApp("module app { requires java.se; }", false).visible()).isTrue();
    }

    /** Why the answer is read from directives: a lookup by name finds {@code @Generated} all the same. */
    @Test
    void aModuleWhoseDependencyRequiresJavaCompilerDoesNotSeeIt() {
        Seen seen = compileApp("module app { requires lib; }", false);

        assertThat(seen.visible()).isFalse();
        assertThat(seen.foundByName()).as("Elements.getTypeElement(\"%s\")", GENERATED).isTrue();
    }

    @Test
    void aModuleWhoseDependencyRequiresJavaCompilerTransitivelySeesIt() {
        assertThat(compileApp("module app { requires lib; }", true).visible()).isTrue();
    }

    /** Compiles {@code app.A}, in module {@code app} when {@code moduleInfo} is given, and returns what the probe saw. */
    private Seen compileApp(String moduleInfo, boolean libRequiresTransitive) {
        Path lib = compileLib(libRequiresTransitive);
        List<Path> sources = new ArrayList<>();
        sources.add(write("app/app/A.java", "package app;\n\npublic class A {\n}\n"));
        List<String> options = new ArrayList<>(List.of("-d", folder.resolve("app-classes").toString(),
                "-proc:only"));
        if (moduleInfo != null) {
            sources.add(write("app/module-info.java", moduleInfo + "\n"));
            options.addAll(List.of("--module-path", lib.toString()));
        }
        Probe probe = new Probe();
        compile(sources, options, probe);
        assertThat(probe.seen).as("what the probe saw of app.A").hasSize(1);
        return probe.seen.get(0);
    }

    private Path compileLib(boolean transitive) {
        Path classes = folder.resolve("lib-classes");
        compile(List.of(
                write("lib/module-info.java", "module lib {\n    requires " + (transitive ? "transitive " : "")
                        + "java.compiler;\n    exports lib;\n}\n"),
                write("lib/lib/L.java", "package lib;\n\npublic class L {\n}\n")),
                List.of("-d", classes.toString(), "-proc:none"), null);
        return classes;
    }

    private static void compile(List<Path> sources, List<String> options, Probe probe) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, manager, diagnostics, options, null,
                    manager.getJavaFileObjectsFromPaths(sources));
            if (probe != null) {
                task.setProcessors(List.of(probe));
            }
            boolean compiled = task.call();
            assertThat(diagnostics.getDiagnostics()).as("diagnostics of %s", sources).isEmpty();
            assertThat(compiled).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String path, String text) {
        try {
            Path file = folder.resolve("src").resolve(path);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks, for each class of the first round, what loadplan's processor would ask. */
    private static final class Probe extends AbstractProcessor {
        private final List<Seen> seen = new ArrayList<>();

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            Stream<? extends Element> classes = round.getRootElements().stream()
                    .filter(element -> element.getKind() == ElementKind.CLASS);
            classes.forEach(type -> seen.add(new Seen(
                    GeneratedVisibility.from(processingEnv.getElementUtils(), type),
                    processingEnv.getElementUtils().getTypeElement(GENERATED) != null)));
            return false;
        }
    }
}
