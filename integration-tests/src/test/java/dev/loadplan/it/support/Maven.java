package dev.loadplan.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.loadplan.LoaderPlan;
import dev.loadplan.planner.sql.SqlComposer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * For tests that build a small project with Maven, as a user would: the {@code mvn} running this build, its local
 * repository, and the loadplan artifacts this reactor has built (a jar each, whether the reactor packaged them or
 * only compiled them, named as a module as the packaged jar is), so that nothing of dev.loadplan has to be installed.
 */
public final class Maven {

    private static final String MAVEN_HOME_ARG = "-Dmaven.home=";
    private static final String PROCESSOR_CLASS = "dev/loadplan/processor/LoadPlanProcessor.class";

    private Maven() {
    }

    /**
     * The {@code mvn} running this build: Surefire's {@code maven.home} if it passes one, else the
     * {@code -Dmaven.home} of the Maven process that forked this JVM, else {@code MAVEN_HOME}, else the one on PATH.
     */
    public static Optional<Path> executable() {
        String executable = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
        List<String> homes = new ArrayList<>();
        homes.add(System.getProperty("maven.home"));
        for (Optional<ProcessHandle> process = ProcessHandle.current().parent(); process.isPresent();
                process = process.get().parent()) {
            for (String argument : process.get().info().arguments().orElse(new String[0])) {
                if (argument.startsWith(MAVEN_HOME_ARG)) {
                    homes.add(argument.substring(MAVEN_HOME_ARG.length()));
                }
            }
        }
        homes.add(System.getenv("MAVEN_HOME"));
        List<Path> candidates = new ArrayList<>();
        homes.stream().filter(home -> home != null && !home.isBlank())
                .forEach(home -> candidates.add(Path.of(home, "bin", executable)));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(Pattern.quote(File.pathSeparator))) {
                if (!folder.isBlank()) {
                    candidates.add(Path.of(folder, executable));
                }
            }
        }
        return candidates.stream().filter(Files::isRegularFile).filter(Files::isExecutable).findFirst();
    }

    /**
     * The outer build's local repository, where everything it resolved is: Surefire's {@code localRepository}, else
     * the repository this module's jdbi jar comes from.
     */
    public static Optional<Path> localRepository() {
        String surefire = System.getProperty("localRepository");
        if (surefire != null && !surefire.isBlank() && Files.isDirectory(Path.of(surefire))) {
            return Optional.of(Path.of(surefire));
        }
        Path jdbi = codeRoot(Jdbi.class);
        // <repository>/org/jdbi/jdbi3-core/<version>/jdbi3-core-<version>.jar
        Path repository = jdbi;
        for (int i = 0; i < 5 && repository != null; i++) {
            repository = repository.getParent();
        }
        if (repository == null || !repository.resolve("org/jdbi/jdbi3-core").equals(jdbi.getParent().getParent())) {
            return Optional.empty();
        }
        return Optional.of(repository);
    }

    /** The loadplan-parent pom: the parent folder of this module's. */
    public static Path rootPom() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path pom = module.resolveSibling("pom.xml").normalize();
        assertThat(pom).as("the loadplan-parent pom above " + module).exists();
        return pom;
    }

    /** This reactor's runtime as a jar: the one on the class path, or {@code jar} made of its classes. */
    public static Path runtimeJar(Path jar) throws IOException {
        return asJar(codeRoot(LoaderPlan.class), jar);
    }

    /** This reactor's planner as a jar: the one on the class path, or {@code jar} made of its classes. */
    public static Path plannerJar(Path jar) throws IOException {
        return asJar(codeRoot(SqlComposer.class), jar);
    }

    /**
     * This reactor's processor: a jar or a classes folder, from this module's class path (where the pom puts it to
     * order the reactor), else from ../processor/target.
     */
    public static Path processorRoot() {
        URL processor = Maven.class.getClassLoader().getResource(PROCESSOR_CLASS);
        if (processor != null) {
            return rootOf(processor, PROCESSOR_CLASS);
        }
        Path target = rootPom().resolveSibling("processor").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            Optional<Path> jar = files.filter(file -> file.getFileName().toString()
                    .matches("loadplan-processor-.*(?<!-sources|-javadoc|-tests)\\.jar")).findFirst();
            if (jar.isPresent()) {
                return jar.get();
            }
        } catch (IOException ignored) {
            // no jar: classes, below
        }
        Path classes = target.resolve("classes");
        assertThat(classes.resolve(PROCESSOR_CLASS))
                .as("the processor, neither on the test class path nor built in " + target).exists();
        return classes;
    }

    /** The processor as a jar: {@link #processorRoot()}, or {@code jar} made of its classes. */
    public static Path processorJar(Path jar) throws IOException {
        return asJar(processorRoot(), jar);
    }

    /**
     * Runs {@code command} in {@code directory} with this JVM's JDK as JAVA_HOME, its output in {@code log}, and
     * fails the test with the output's end when it fails or outlasts {@code timeout}.
     */
    public static void run(List<String> command, Path directory, Path log, Duration timeout, String what)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.remove("MAVEN_BASEDIR");
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        if (!finished || process.exitValue() != 0) {
            fail("Maven %s of %s %s.%nCommand: %s%nJAVA_HOME: %s%n--- Maven output (%s) ---%n%s",
                    what, directory, finished ? "failed with exit code " + process.exitValue()
                            : "did not finish within " + timeout,
                    String.join(" ", command), System.getProperty("java.home"), log, tail(Files.readString(log)));
        }
    }

    private static String tail(String text) {
        int length = 30_000;
        return text.length() <= length ? text : "[...]" + text.substring(text.length() - length);
    }

    /** A reactor run without `package` gives a classes folder; a repository or a system path needs a file. */
    private static Path asJar(Path root, Path jar) throws IOException {
        return Files.isDirectory(root) ? jar(root, jar) : root;
    }

    /** A jar of {@code classes} whose manifest names the module as the real jar's does. */
    private static Path jar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ModuleName.ofClasses(classes).ifPresent(name ->
                manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), name));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                out.putNextEntry(new JarEntry(name));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path codeRoot(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path rootOf(URL classFile, String resource) {
        try {
            String url = classFile.toString();
            if (url.startsWith("jar:")) {
                return Path.of(new URI(url.substring("jar:".length(), url.indexOf("!/"))));
            }
            Path path = Path.of(classFile.toURI());
            for (int i = 0; i < resource.split("/").length; i++) {
                path = path.getParent();
            }
            return path;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
