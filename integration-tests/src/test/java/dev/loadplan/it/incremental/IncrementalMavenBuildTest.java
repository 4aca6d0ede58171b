package dev.loadplan.it.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.support.Maven;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
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

    @TempDir
    Path temp;

    @Test
    void editingBookAloneRegeneratesAuthorLoaderWhichReadsBooks() throws Exception {
        Optional<Path> mvn = Maven.executable();
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
        Path parentPom = Maven.rootPom();
        Path pomCopy = target.resolve("pom.xml");
        String relativeParent = target.toAbsolutePath().relativize(parentPom).toString()
                .replace(File.separatorChar, '/');
        Files.writeString(pomCopy, Files.readString(pomCopy)
                .replace("@loadplan.version@", projectVersion(parentPom))
                .replace("@loadplan.parent.pom@", relativeParent));
        return target;
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
            Path runtime = Maven.runtimeJar(project.resolveSibling("loadplan-runtime.jar"));
            Path planner = Maven.plannerJar(project.resolveSibling("loadplan-planner.jar"));
            Path processor = Maven.processorRoot();
            command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-ntp", "-Dstyle.color=never",
                    "-f", project.resolve("pom.xml").toString(), "compile",
                    "-Dlp.runtime=" + runtime,
                    "-Dlp.planner=" + planner,
                    "-Dlp.processorpath=" + String.join(File.pathSeparator, processor.toString(), runtime.toString(),
                            planner.toString())));
            Maven.localRepository().ifPresent(repository -> command.add("-Dmaven.repo.local=" + repository));
        }

        void run(String what) throws Exception {
            Path log = project.resolveSibling("maven-" + ++runs + ".log");
            long start = System.nanoTime();
            Maven.run(command, project, log, BUILD_TIMEOUT, what);
            System.out.printf("IncrementalMavenBuildTest: %s with %s took %d ms%n", what, mvn,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }
}
