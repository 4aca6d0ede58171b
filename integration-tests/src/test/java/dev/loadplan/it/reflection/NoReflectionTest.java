package dev.loadplan.it.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoaderPlan;
import dev.loadplan.planner.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No reflection at run time: the runtime's classes and every class the processor generated for the test entities
 * are read as class files, and none may use java.lang.reflect, Class.forName and its kin, MethodHandles, or
 * JDBI's reflective mappers.
 */
class NoReflectionTest {

    @Test
    void theRuntimeAndItsPlannerUseNoReflection() throws Exception {
        List<String> scanned = new ArrayList<>();
        List<String> uses = new ArrayList<>();
        for (Class<?> type : List.of(LoaderPlan.class, Planner.class)) {
            forEachClass(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()), (name, in) -> {
                scanned.add(name);
                uses.addAll(ReflectionScanner.uses(name, in));
            });
        }

        assertThat(scanned).as("runtime and planner classes scanned")
                .contains("dev/loadplan/internal/CompiledPlan.class", "dev/loadplan/planner/Planner.class")
                .hasSizeGreaterThan(30);
        assertThat(uses).isEmpty();
    }

    @Test
    void generatedCodeUsesNoReflection() throws Exception {
        Path testClasses = testClasses();
        List<String> scanned = new ArrayList<>();
        List<String> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testClasses)) {
            for (Path file : files.filter(NoReflectionTest::isGenerated).toList()) {
                scanned.add(testClasses.relativize(file).toString());
                try (InputStream in = Files.newInputStream(file)) {
                    uses.addAll(ReflectionScanner.uses(file.getFileName().toString(), in));
                }
            }
        }

        assertThat(scanned).as("generated classes scanned").contains("dev/loadplan/it/library/AuthorLoader.class",
                "dev/loadplan/it/library/AuthorMapping.class", "dev/loadplan/it/library/AuthorDao.class")
                .hasSizeGreaterThan(30);
        assertThat(uses).isEmpty();
    }

    @Test
    void theScannerFindsReflectionWhereThereIsSome() throws Exception {
        Path control = testClasses().resolve("dev/loadplan/it/reflection/ReflectiveControl.class");
        try (InputStream in = Files.newInputStream(control)) {
            assertThat(ReflectionScanner.uses("ReflectiveControl", in))
                    .anySatisfy(use -> assertThat(use).contains("java/lang/Class.forName"))
                    .anySatisfy(use -> assertThat(use).contains("java/lang/reflect/Field"))
                    .anySatisfy(use -> assertThat(use).contains("java/lang/invoke/MethodHandles.lookup"));
        }
    }

    private static boolean isGenerated(Path file) {
        // AuthorLoader, AuthorLoader$Plan, AuthorMapping$BooksRelation, AuthorDao: what the processor writes.
        return file.getFileName().toString().matches("[A-Za-z_]+(Loader|Mapping|Dao)(\\$\\w+)?\\.class");
    }

    private static Path testClasses() throws URISyntaxException {
        return Path.of(NoReflectionTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private interface ClassVisitor {
        void visit(String name, InputStream in) throws IOException;
    }

    /** Every class in a directory or jar, as the build put the runtime on the class path. */
    private static void forEachClass(Path location, ClassVisitor visitor) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        visitor.visit(location.relativize(file).toString(), in);
                    }
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        visitor.visit(entry.getName(), in);
                    }
                }
            }
        }
    }
}
