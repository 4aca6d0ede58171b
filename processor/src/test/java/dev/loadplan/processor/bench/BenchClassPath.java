package dev.loadplan.processor.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class paths the compile-time benchmarks give javac, picked from this JVM's (the processor's test class path):
 * the one a user's build compiles entities against, and the one the processor runs on. Compiling against the whole
 * test class path (Guava, Truth, JUnit...) would time javac indexing jars no user has.
 */
final class BenchClassPath {

    /**
     * Jars of a user's compile class path: the runtime, the planner it plans with, and the runtime's own
     * dependencies. A missing one fails the compile with the processor, so this list cannot silently shrink.
     */
    private static final List<String> USER = List.of("loadplan-runtime", "runtime/target/classes",
            "loadplan-planner", "planner/target/classes", "jdbi3-core", "geantyref", "slf4j-api");

    /** The processor and what it needs at compile time. */
    private static final List<String> PROCESSOR = List.of("processor/target/classes", "loadplan-planner",
            "planner/target/classes", "javapoet");

    private BenchClassPath() {
    }

    static String user() {
        return select(USER);
    }

    static String processor() {
        return select(PROCESSOR);
    }

    /** The entries of this JVM's class path whose path contains one of {@code names}. */
    private static String select(List<String> names) {
        return String.join(File.pathSeparator, entries().stream()
                .filter(entry -> names.stream().anyMatch(entry.replace(File.separatorChar, '/')::contains))
                .toList());
    }

    /**
     * This JVM's class path: the loader's when it is a {@link URLClassLoader} (under {@code exec:java}, whose JVM's
     * own {@code java.class.path} is Maven's launcher), else {@code java.class.path}.
     */
    private static List<String> entries() {
        List<String> entries = new ArrayList<>();
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader urls
                && urls.getURLs().length > 0) {
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(url.toString(), e);
                }
            }
        } else {
            entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        }
        return entries;
    }
}
