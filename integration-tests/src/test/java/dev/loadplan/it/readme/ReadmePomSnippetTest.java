package dev.loadplan.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.support.Maven;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The {@code pom.xml} snippet of README's "Using it" works as pasted: it names this build's artifacts at this
 * build's version, a maven-compiler-plugin that has every parameter it sets, and a Java release the library runs on;
 * and a project whose pom is the snippet, with nothing else but its coordinates, compiles entities into loaders.
 *
 * <p>The build does not need loadplan installed (CI runs {@code mvn verify}, which installs nothing): the reactor's
 * jars and poms go into a local repository of the test's own, and every other artifact comes from the outer build's
 * local repository, through a mirror of every repository to it, so the build never reaches the network.
 */
class ReadmePomSnippetTest {

    private static final String SECTION = "Using it";
    private static final String GROUP = "dev.loadplan";
    private static final String PLUGINS = "org.apache.maven.plugins";
    private static final String COMPILER = "maven-compiler-plugin";
    private static final Set<String> PATH_ELEMENTS =
            Set.of("groupId", "artifactId", "version", "type", "classifier", "exclusions");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    /** A {@code <project>} element, not a property named {@code project.*}. */
    private static final Pattern WHOLE_PROJECT = Pattern.compile("<project[\\s>]");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path temp;

    /** Artifact coordinates, as the snippet or a pom of this build names them. */
    record Coordinates(String groupId, String artifactId, String version) {
    }

    @Test
    void snippetNamesThisBuildsArtifactsAndACompilerPluginThatKnowsItsParameters() throws Exception {
        Element snippet = project(snippet());
        Map<String, String> properties = properties(snippet);
        Element parent = project(Files.readString(Maven.rootPom()));
        String version = text(parent, "version");

        Set<String> modules = new LinkedHashSet<>();
        for (Element module : children(child(parent, "modules"), "module")) {
            modules.add(text(project(Files.readString(reactorPom(text(module, null)))), "artifactId"));
        }
        List<Coordinates> dependencies = new ArrayList<>();
        for (Element dependency : children(child(snippet, "dependencies"), "dependency")) {
            dependencies.add(coordinates(dependency, properties));
        }
        Element compiler = compilerPlugin(snippet);
        Element configuration = child(compiler, "configuration");
        List<Coordinates> processorPath = new ArrayList<>();
        for (Element path : children(child(configuration, "annotationProcessorPaths"), "path")) {
            assertThat(childNames(path)).as("elements of an annotationProcessorPaths <path>").isSubsetOf(PATH_ELEMENTS);
            processorPath.add(coordinates(path, properties));
        }

        assertThat(dependencies).as("the snippet's dependencies")
                .contains(new Coordinates(GROUP, moduleArtifact("runtime"), version));
        assertThat(processorPath).as("the snippet's annotationProcessorPaths")
                .containsExactly(new Coordinates(GROUP, moduleArtifact("processor"), version));
        List<Coordinates> ours = new ArrayList<>(dependencies);
        ours.addAll(processorPath);
        ours.removeIf(coordinates -> !coordinates.groupId().equals(GROUP));
        assertThat(ours).as("dev.loadplan artifacts of the snippet: modules of this build, at its version")
                .allSatisfy(coordinates -> {
                    assertThat(modules).contains(coordinates.artifactId());
                    assertThat(coordinates.version()).isEqualTo(version);
                });

        String compilerVersion = resolve(text(compiler, "version"), properties);
        assertThat(compilerVersion).as("the snippet's maven-compiler-plugin: the version this build uses")
                .isEqualTo(managedPluginVersion(parent, COMPILER));
        assertThat(childNames(configuration)).as("the snippet's compiler configuration: parameters of "
                + COMPILER + " " + compilerVersion).isSubsetOf(compilerParameters(compilerVersion));
        assertThat(Integer.parseInt(properties.get("maven.compiler.release")))
                .as("the snippet's maven.compiler.release: at least the release loadplan is built for")
                .isGreaterThanOrEqualTo(Integer.parseInt(text(child(parent, "properties"), "maven.compiler.release")));
    }

    @Test
    void aProjectWhosePomIsTheSnippetCompilesEntitiesIntoLoaders() throws Exception {
        Optional<Path> mvn = Maven.executable();
        Assumptions.assumeTrue(mvn.isPresent(),
                "no mvn found (no maven.home, no -Dmaven.home in a parent process, no MAVEN_HOME, none on PATH)");
        Path outer = Maven.localRepository().orElseThrow(() -> new AssertionError("the build's local repository"));
        Element parent = project(Files.readString(Maven.rootPom()));
        String version = text(parent, "version");

        Path repository = Files.createDirectories(temp.resolve("repository"));
        install(repository, "loadplan-parent", version, Maven.rootPom(), null);
        install(repository, moduleArtifact("planner"), version, reactorPom("planner"),
                Maven.plannerJar(temp.resolve("planner.jar")));
        install(repository, moduleArtifact("runtime"), version, reactorPom("runtime"),
                Maven.runtimeJar(temp.resolve("runtime.jar")));
        install(repository, moduleArtifact("processor"), version, reactorPom("processor"),
                Maven.processorJar(temp.resolve("processor.jar")));
        Path settings = temp.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>outer-build</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(outer.toUri()));
        Path project = temp.resolve("project");
        writeProject(project, managedPluginVersion(parent, "maven-resources-plugin"));

        Maven.run(List.of(mvn.get().toString(), "-B", "-ntp", "-Dstyle.color=never", "-s", settings.toString(),
                "-gs", settings.toString(), "-Dmaven.repo.local=" + repository, "compile"),
                project, temp.resolve("maven.log"), BUILD_TIMEOUT, "compile of a project with README's pom snippet");

        assertThat(warnings(Files.readString(temp.resolve("maven.log"))))
                .as("Maven's warnings on a build of README's snippet (the platform encoding, say)").isEmpty();
        assertThat(project.resolve("target/generated-sources/annotations/example/AuthorLoader.java"))
                .as("AuthorLoader, written by the processor the snippet puts on the processor path").exists();
        assertThat(project.resolve("target/classes/example/Catalogue.class"))
                .as("a class using AuthorLoader, JDBI and the driver, compiled").exists();
    }

    /**
     * The lines of a Maven log that warn, but for the test's own repository: the reactor's artifacts it copies there
     * and the mirror of the outer local repository have no checksum files, which Maven notes.
     */
    private static List<String> warnings(String log) {
        return log.lines().filter(line -> line.startsWith("[WARNING]"))
                .filter(line -> !line.startsWith("[WARNING] Could not validate integrity of download from file:"))
                .toList();
    }

    /**
     * A user's project: coordinates, README's snippet, and entities with a class that compiles only if the processor
     * wrote {@code AuthorLoader} and the runtime brought JDBI and the driver. The snippet gains two things: the
     * strictest lint a team sets ({@code -Xlint:all -Werror}), which the snippet as pasted must pass, so that no class
     * it brings (JDBI's, the runtime's, generated code) warns; and maven-resources-plugin pinned to this build's,
     * which is in the outer local repository (Maven 3.8's default, 2.6, need not be, and which one copies no
     * resources is no part of what the snippet must get right).
     */
    private static void writeProject(Path project, String resourcesPluginVersion) throws IOException {
        String snippet = snippet();
        assertThat(snippet).as("the snippet has a <build>").containsOnlyOnce("<build>");
        assertThat(snippet).as("the snippet configures the compiler once").containsOnlyOnce("<configuration>");
        snippet = snippet.replace("<configuration>", """
                <configuration>
                  <compilerArgs>
                    <arg>-Xlint:all</arg>
                    <arg>-Werror</arg>
                  </compilerArgs>""");
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>readme-snippet</artifactId>
                  <version>1.0</version>
                %s
                </project>
                """.formatted(snippet.replace("<build>", """
                <build>
                  <pluginManagement>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </pluginManagement>""".formatted(resourcesPluginVersion)));
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), pom);
        Path sources = Files.createDirectories(project.resolve("src/main/java/example"));
        Files.writeString(sources.resolve("Author.java"), """
                package example;

                import dev.loadplan.annotations.Entity;
                import dev.loadplan.annotations.Id;
                import dev.loadplan.annotations.Relationship;
                import java.util.List;

                @Entity(table = "authors")
                public class Author {
                    @Id long id;
                    String name;
                    @Relationship(mappedBy = "author", orderBy = "id") List<Book> books;
                }
                """);
        Files.writeString(sources.resolve("Book.java"), """
                package example;

                import dev.loadplan.annotations.Entity;
                import dev.loadplan.annotations.Id;
                import dev.loadplan.annotations.Relationship;

                @Entity(table = "books")
                public class Book {
                    @Id long id;
                    String title;
                    @Relationship(joinColumn = "author_id") Author author;
                }
                """);
        Files.writeString(sources.resolve("Catalogue.java"), """
                package example;

                import java.util.List;
                import org.jdbi.v3.core.Jdbi;
                import org.postgresql.ds.PGSimpleDataSource;

                public final class Catalogue {
                    public static List<Author> authors(String url) {
                        PGSimpleDataSource dataSource = new PGSimpleDataSource();
                        dataSource.setUrl(url);
                        return AuthorLoader.withBooksSelectIn().list(Jdbi.create(dataSource));
                    }
                }
                """);
    }

    /** Puts a pom, and a jar unless it is a pom, where a local repository keeps them. */
    private static void install(Path repository, String artifactId, String version, Path pom, Path jar)
            throws IOException {
        Path folder = Files.createDirectories(repository.resolve(GROUP.replace('.', '/')).resolve(artifactId)
                .resolve(version));
        Files.copy(pom, folder.resolve(artifactId + "-" + version + ".pom"));
        if (jar != null) {
            Files.copy(jar, folder.resolve(artifactId + "-" + version + ".jar"));
        }
    }

    /** The text of README's xml block in "Using it". */
    private static String snippet() {
        List<Readme.Block> blocks = Readme.blocks(Readme.text(), "xml").stream()
                .filter(block -> block.section().equals(SECTION)).toList();
        assertThat(blocks).as("xml blocks in README's \"%s\"", SECTION).hasSize(1);
        return String.join("\n", blocks.get(0).lines());
    }

    /** Parses a pom, or the snippet, which is what goes inside a {@code <project>}. */
    private static Element project(String xml) throws Exception {
        String text = WHOLE_PROJECT.matcher(xml).find() ? xml : "<project>" + xml + "</project>";
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    private static Element compilerPlugin(Element snippet) {
        for (Element plugin : children(child(child(snippet, "build"), "plugins"), "plugin")) {
            if (PLUGINS.equals(text(plugin, "groupId")) && COMPILER.equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        throw new AssertionError("the snippet configures no " + PLUGINS + ":" + COMPILER);
    }

    /** The version the parent pom's pluginManagement gives a plugin of {@code org.apache.maven.plugins}. */
    private static String managedPluginVersion(Element parent, String artifactId) {
        Element management = child(child(parent, "build"), "pluginManagement");
        for (Element plugin : children(child(management, "plugins"), "plugin")) {
            if (artifactId.equals(text(plugin, "artifactId"))) {
                return text(plugin, "version");
            }
        }
        throw new AssertionError("the parent pom manages no " + artifactId);
    }

    /** The parameters (and their aliases) of the compile goal, from the plugin's descriptor in the local repository. */
    private static Set<String> compilerParameters(String version) throws Exception {
        Path repository = Maven.localRepository().orElseThrow(() -> new AssertionError("the local repository"));
        Path jar = repository.resolve(PLUGINS.replace('.', '/')).resolve(COMPILER).resolve(version)
                .resolve(COMPILER + "-" + version + ".jar");
        assertThat(jar).as("the compiler plugin this build ran").exists();
        Element descriptor;
        try (JarFile file = new JarFile(jar.toFile());
                InputStream in = file.getInputStream(file.getJarEntry("META-INF/maven/plugin.xml"))) {
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
        Set<String> parameters = new LinkedHashSet<>();
        for (Element mojo : children(child(descriptor, "mojos"), "mojo")) {
            if ("compile".equals(text(mojo, "goal"))) {
                for (Element parameter : children(child(mojo, "parameters"), "parameter")) {
                    parameters.add(text(parameter, "name"));
                    Optional.ofNullable(text(parameter, "alias")).ifPresent(parameters::add);
                }
            }
        }
        assertThat(parameters).as("parameters of %s:compile", COMPILER).contains("annotationProcessorPaths");
        return parameters;
    }

    private static Coordinates coordinates(Element element, Map<String, String> properties) {
        return new Coordinates(resolve(text(element, "groupId"), properties),
                resolve(text(element, "artifactId"), properties), resolve(text(element, "version"), properties));
    }

    /** {@code value} with each {@code ${name}} replaced by the snippet's property; every one must be defined. */
    private static String resolve(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        Matcher property = PROPERTY.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (property.find()) {
            String name = property.group(1);
            assertThat(properties).as("properties the snippet defines, for ${%s}", name).containsKey(name);
            property.appendReplacement(resolved, Matcher.quoteReplacement(properties.get(name)));
        }
        return property.appendTail(resolved).toString();
    }

    private static Map<String, String> properties(Element snippet) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element property : children(child(snippet, "properties"), null)) {
            properties.put(property.getTagName(), property.getTextContent().trim());
        }
        return properties;
    }

    private static String moduleArtifact(String module) throws Exception {
        return text(project(Files.readString(reactorPom(module))), "artifactId");
    }

    private static Path reactorPom(String module) {
        return Maven.rootPom().resolveSibling(module).resolve("pom.xml");
    }

    /** The element's child named {@code name}, or a failure saying it is missing. */
    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getTagName()).isNotEmpty();
        return found.get(0);
    }

    /** The element's children named {@code name}, or all of them for null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                children.add(element);
            }
        }
        return children;
    }

    private static List<String> childNames(Element parent) {
        return children(parent, null).stream().map(Element::getTagName).toList();
    }

    /** The trimmed text of the child {@code name}, or of the element itself for null; null when there is none. */
    private static String text(Element element, String name) {
        if (name == null) {
            return element.getTextContent().trim();
        }
        List<Element> found = children(element, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
