package dev.loadplan.it.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.loadplan.LoaderPlan;
import dev.loadplan.planner.sql.SqlComposer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Incremental builds with Maven: after one entity is edited, a rebuild without {@code clean} regenerates what
 * depends on it, in other entities' loaders too.
 *
 * <p>The template project in {@code src/test/resources/incremental-project} (Author with books, Book with author) is
 * copied to a temporary folder and compiled by the same {@code mvn} that runs this build, offline, with the runtime
 * and processor this reactor has just built: nothing of dev.loadplan has to be installed. Then only {@code Book.java}
 * gains a field, the same build runs again, and {@code AuthorLoader}, whose SQL reads the books' columns, must now
 * read {@code isbn} as well, in its source and in its class file.
 */
class IncrementalMavenBuildTest {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final String PACKAGE = "incremental/library";
    private static final String MAVEN_HOME_ARG = "-Dmaven.home=";

    @TempDir
    Path temp;

    @Test
    void editingBookAloneRegeneratesAuthorLoaderWhichReadsBooks() throws Exception {
        Optional<Path> mvn = findMaven();
        Assumptions.assumeTrue(mvn.isPresent(),
                "no mvn found (no maven.home, no -Dmaven.home in a parent process, no MAVEN_HOME, none on PATH)");
        Path project = copyTemplate(temp.resolve("incremental-project"));
        MavenBuild build = new MavenBuild(mvn.get(), project);
        Path generated = project.resolve("target/generated-sources/annotations/" + PACKAGE);
        Path classes = project.resolve("target/classes");

        build.run("first build");

        assertThat(constant(generated, "AuthorLoader", "BOOKS_JOINED"))
                .contains("lp_books.id", "lp_books.title", "lp_books.author_id").doesNotContain("isbn");
        assertThat(constant(generated, "BookLoader", "PLAIN")).contains("books.title").doesNotContain("isbn");
        assertThat(compiledConstant(classes, "AuthorLoader", "BOOKS_JOINED"))
                .contains("lp_books.title").doesNotContain("isbn");

        Path author = project.resolve("src/main/java/" + PACKAGE + "/Author.java");
        String authorSource = Files.readString(author);
        FileTime authorTime = Files.getLastModifiedTime(author);
        addIsbnToBook(project.resolve("src/main/java/" + PACKAGE + "/Book.java"), classes);

        build.run("second build, without clean, after adding `String isbn;` to Book.java only");

        assertThat(Files.readString(author)).as("Author.java is not edited").isEqualTo(authorSource);
        assertThat(Files.getLastModifiedTime(author)).as("Author.java is not touched").isEqualTo(authorTime);
        assertThat(constant(generated, "AuthorLoader", "BOOKS_JOINED"))
                .as("AuthorLoader.BOOKS_JOINED, regenerated after Book changed")
                .contains("lp_books.title", "lp_books.isbn", "lp_books.author_id");
        assertThat(constant(generated, "AuthorLoader", "BOOKS_SELECT_IN"))
                .as("AuthorLoader.BOOKS_SELECT_IN, regenerated after Book changed").contains("books.isbn");
        assertThat(constant(generated, "BookLoader", "PLAIN")).as("BookLoader.PLAIN").contains("books.isbn");
        assertThat(compiledConstant(classes, "AuthorLoader", "BOOKS_JOINED"))
                .as("AuthorLoader.BOOKS_JOINED in target/classes, recompiled").contains("lp_books.isbn");
        assertThat(compiledConstant(classes, "BookLoader", "PLAIN"))
                .as("BookLoader.PLAIN in target/classes, recompiled").contains("books.isbn");
    }

    /** Adds a column to Book, and makes sure its file is newer than every class, even on a coarse file clock. */
    private static void addIsbnToBook(Path book, Path classes) throws IOException {
        String before = Files.readString(book);
        String after = before.replaceFirst("(\\R)(\\s*)String title;", "$1$2String title;$1$2String isbn;");
        assertThat(after).as("Book.java of the template has a `String title;` field to add isbn after")
                .isNotEqualTo(before);
        Files.writeString(book, after);
        FileTime newestClass;
        try (Stream<Path> files = Files.walk(classes)) {
            newestClass = files.filter(Files::isRegularFile).map(IncrementalMavenBuildTest::lastModified)
                    .max(FileTime::compareTo).orElseThrow();
        }
        if (Files.getLastModifiedTime(book).compareTo(newestClass) <= 0) {
            Files.setLastModifiedTime(book, FileTime.fromMillis(newestClass.toMillis() + 2_000));
        }
    }

    /** The value of a {@code public static final String} of a generated source: its literals, joined. */
    private static String constant(Path generated, String type, String name) throws IOException {
        Path file = generated.resolve(type + ".java");
        assertThat(file).as("generated " + type).exists();
        String source = Files.readString(file);
        Matcher declaration = Pattern.compile("static final String " + name + " = (.*?);\\R", Pattern.DOTALL)
                .matcher(source);
        assertThat(declaration.find()).as(type + " declares " + name).isTrue();
        StringBuilder value = new StringBuilder();
        Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(declaration.group(1));
        while (literal.find()) {
            value.append(literal.group(1).replace("\\n", "\n"));
        }
        return value.toString();
    }

    /** The value of a constant as compiled into target/classes, read in a class loader of its own. */
    private static String compiledConstant(Path classes, String type, String name) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                IncrementalMavenBuildTest.class.getClassLoader())) {
            Class<?> loaded = Class.forName(PACKAGE.replace('/', '.') + "." + type, true, loader);
            assertThat(loaded.getClassLoader()).as(type + " comes from the built project").isSameAs(loader);
            return (String) loaded.getField(name).get(null);
        }
    }

    private static Path copyTemplate(Path target) throws Exception {
        URL pom = IncrementalMavenBuildTest.class.getResource("/incremental-project/pom.xml");
        assertThat(pom).as("the template incremental-project/pom.xml on the test class path").isNotNull();
        Path template = Path.of(pom.toURI()).getParent();
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        // The parent is this build's own pom, read from disk: same plugin and dependency versions, none installed.
        Path parentPom = rootPom();
        Path pomCopy = target.resolve("pom.xml");
        String relativeParent = target.toAbsolutePath().relativize(parentPom).toString()
                .replace(File.separatorChar, '/');
        Files.writeString(pomCopy, Files.readString(pomCopy)
                .replace("@loadplan.version@", projectVersion(parentPom))
                .replace("@loadplan.parent.pom@", relativeParent));
        return target;
    }

    /** The loadplan-parent pom: the parent folder of this module's. */
    private static Path rootPom() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path pom = module.resolveSibling("pom.xml").normalize();
        assertThat(pom).as("the loadplan-parent pom above " + module).exists();
        return pom;
    }

    private static String projectVersion(Path pom) throws Exception {
        Document document;
        try (InputStream in = Files.newInputStream(pom)) {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Element project = document.getDocumentElement();
        assertThat(child(project, "artifactId")).as("artifactId of " + pom).isEqualTo("loadplan-parent");
        return child(project, "version");
    }

    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    /**
     * The {@code mvn} running this build: Surefire's {@code maven.home} if it passes one, else the
     * {@code -Dmaven.home} of the Maven process that forked this JVM, else {@code MAVEN_HOME}, else the one on PATH.
     */
    private static Optional<Path> findMaven() {
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

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code mvn -B -o compile} of the copied project, with this reactor's runtime and processor. */
    private static final class MavenBuild {
        private final Path mvn;
        private final Path project;
        private final List<String> command;
        private int runs;

        MavenBuild(Path mvn, Path project) throws Exception {
            this.mvn = mvn;
            this.project = project;
            Path runtime = asJar(codeRoot(LoaderPlan.class), project.resolveSibling("loadplan-runtime.jar"));
            Path planner = asJar(codeRoot(SqlComposer.class), project.resolveSibling("loadplan-planner.jar"));
            Path processor = processorRoot();
            command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-ntp", "-Dstyle.color=never",
                    "-f", project.resolve("pom.xml").toString(), "compile",
                    "-Dlp.runtime=" + runtime,
                    "-Dlp.planner=" + planner,
                    "-Dlp.processorpath=" + String.join(File.pathSeparator, processor.toString(), runtime.toString(),
                            planner.toString())));
            localRepository().ifPresent(repository -> command.add("-Dmaven.repo.local=" + repository));
        }

        void run(String what) throws Exception {
            Path log = project.resolveSibling("maven-" + ++runs + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.remove("MAVEN_BASEDIR");
            long start = System.nanoTime();
            Process process = builder.start();
            boolean finished = process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log);
            if (!finished || process.exitValue() != 0) {
                fail("Maven %s of %s %s.%nCommand: %s%nJAVA_HOME: %s%n--- Maven output (%s) ---%n%s",
                        what, project, finished ? "failed with exit code " + process.exitValue()
                                : "did not finish within " + BUILD_TIMEOUT,
                        String.join(" ", command), System.getProperty("java.home"), log, tail(output, 30_000));
            }
            System.out.printf("IncrementalMavenBuildTest: %s with %s took %d ms%n", what, mvn,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }

        private static String tail(String text, int length) {
            return text.length() <= length ? text : "[...]" + text.substring(text.length() - length);
        }

        /** The processor on this module's class path (a jar, or classes in a reactor run), else ../processor/target. */
        private static Path processorRoot() throws URISyntaxException {
            URL processor = IncrementalMavenBuildTest.class.getClassLoader()
                    .getResource("dev/loadplan/processor/LoadPlanProcessor.class");
            if (processor != null) {
                return rootOf(processor, "dev/loadplan/processor/LoadPlanProcessor.class");
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
            assertThat(classes.resolve("dev/loadplan/processor/LoadPlanProcessor.class"))
                    .as("the processor, neither on the test class path nor built in " + target).exists();
            return classes;
        }

        /**
         * The outer build's local repository, so that the offline build finds what it resolved: Surefire's
         * {@code localRepository}, else the repository this module's jdbi jar comes from.
         */
        private static Optional<Path> localRepository() throws URISyntaxException {
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
            if (repository == null || !repository.resolve("org/jdbi/jdbi3-core").equals(
                    jdbi.getParent().getParent())) {
                return Optional.empty();
            }
            return Optional.of(repository);
        }

        /** A reactor run without `package` gives a classes folder; a system-scope dependency has to be a file. */
        private static Path asJar(Path root, Path jar) throws IOException {
            return Files.isDirectory(root) ? jar(root, jar) : root;
        }

        private static Path jar(Path classes, Path jar) throws IOException {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
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

        private static Path codeRoot(Class<?> type) throws URISyntaxException {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        }

        private static Path rootOf(URL classFile, String resource) throws URISyntaxException {
            String url = classFile.toString();
            if (url.startsWith("jar:")) {
                return Path.of(new URI(url.substring("jar:".length(), url.indexOf("!/"))));
            }
            Path path = Path.of(classFile.toURI());
            for (int i = 0; i < resource.split("/").length; i++) {
                path = path.getParent();
            }
            return path;
        }
    }
}
