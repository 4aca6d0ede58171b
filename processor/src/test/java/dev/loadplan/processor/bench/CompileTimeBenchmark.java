package dev.loadplan.processor.bench;

import dev.loadplan.processor.LoadPlanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * How much longer javac takes on 200 entities with the processor than without it: a measurement to run by hand,
 * not a test (a timed assertion would fail on a slow machine and prove nothing on a fast one).
 *
 * <p>Run it from the repository root. The first command installs the runtime and the processor, which the second
 * resolves from the local repository; the second compiles this class and runs it on the processor's test class path,
 * compiling the entities against the part of it a user's build has ({@link BenchClassPath#user()}):
 *
 * <pre>
 * mvn -B -ntp -q -pl processor -am install -DskipTests &amp;&amp; mvn -B -ntp -q -pl processor test-compile exec:java -Dexec.mainClass=dev.loadplan.processor.bench.CompileTimeBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * <p>{@code -Dexec.args="20 5 100"} sets the measured and warm-up runs per mode and the parent/child pairs (by
 * default 15, 5 and 100). Prefix both commands with {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64} to measure
 * JDK 25's javac. One invocation with {@code -am} does not work: exec:java then also runs in the parent and the
 * runtime, where this class is not.
 *
 * <p>What it does: it writes the entity sources in memory, by default 100 pairs {@code ParentN}/{@code ChildN} with
 * a one-to-many and its many-to-one, every tenth pair also with a many-to-many (both sides) to the next pair, and
 * several scalar columns each. Then, in this one JVM, it compiles them with the system compiler again and again,
 * alternating the modes and their order: without processing ({@code -proc:none}), with {@link LoadPlanProcessor}
 * (which also compiles the 600 sources it writes), and processing only ({@code -proc:only}: parses the entities and
 * runs the processor but compiles nothing, which tells the processor's own share). Sources and class files stay in
 * memory, so the disk does not time the difference. It prints the time of each mode's first, cold run, then, after
 * the warm-up runs, the median and the minimum wall time of each mode and the difference, and the same for the CPU
 * time of the compiling thread (javac compiles in the calling thread), which other load on the machine disturbs
 * less. The warm numbers are javac's steady state, as in a long-lived build daemon; a fresh {@code javac} or
 * {@code mvn compile} JVM pays for the JIT too and sees a larger difference, which {@link FreshJavacBenchmark}
 * measures.
 *
 * <p>The name ends in {@code Benchmark}, which Surefire's default includes ({@code *Test}, {@code Test*},
 * {@code *Tests}, {@code *TestCase}) leave out, so {@code mvn test} never runs it.
 */
public final class CompileTimeBenchmark {

    /** Parent/child pairs by default: twice as many entities. */
    private static final int DEFAULT_PAIRS = 100;

    /** Every so many pairs, the parent and the next pair's child are also joined many-to-many. */
    private static final int MANY_TO_MANY_EVERY = 10;

    private static final String PACKAGE = "bench";

    private CompileTimeBenchmark() {
    }

    public static void main(String[] args) {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_PAIRS;
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
        }
        List<JavaFileObject> sources = new EntitySources(pairs).all();
        String classPath = BenchClassPath.user();
        List<Mode> modes = List.of(Mode.WITHOUT_PROCESSOR, Mode.WITH_PROCESSOR, Mode.PROCESSING_ONLY);

        System.out.printf(Locale.ROOT, "javac %s (java.home %s), %d entity sources, %d warm-up and %d measured runs"
                + " per mode%n", System.getProperty("java.version"), System.getProperty("java.home"), sources.size(),
                warmUp, measured);
        System.out.println("first runs, in this order (cold: javac and the processor not yet compiled by the JIT)");
        for (Mode mode : modes) {
            Result result = compile(javac, mode, sources, classPath);
            System.out.printf(Locale.ROOT, "  %-26s %7.0f ms, writes %4d sources and %4d class files%n", mode.label,
                    millis(result.wallNanos()), result.sourcesWritten(), result.classesWritten());
        }

        long[][] wall = new long[modes.size()][measured];
        long[][] cpu = new long[modes.size()][measured];
        for (int run = -warmUp; run < measured; run++) {
            // Alternate the order, so no mode always runs right after the same other one's garbage.
            for (int step = 0; step < modes.size(); step++) {
                int index = Math.floorMod(run, 2) == 0 ? step : modes.size() - 1 - step;
                Result result = compile(javac, modes.get(index), sources, classPath);
                if (run >= 0) {
                    wall[index][run] = result.wallNanos();
                    cpu[index][run] = result.cpuNanos();
                }
            }
        }

        System.out.println("wall time");
        report(modes, wall);
        System.out.println("CPU time of the compiling thread (less sensitive to other load on the machine)");
        report(modes, cpu);
    }

    private static void report(List<Mode> modes, long[][] nanos) {
        double[] medians = new double[modes.size()];
        double[] minimums = new double[modes.size()];
        for (int index = 0; index < modes.size(); index++) {
            long[] sorted = nanos[index].clone();
            Arrays.sort(sorted);
            medians[index] = millis(median(sorted));
            minimums[index] = millis(sorted[0]);
            System.out.printf(Locale.ROOT, "  %-26s median %7.0f ms   min %7.0f ms   runs %s%n", modes.get(index).label,
                    medians[index], minimums[index], Arrays.stream(nanos[index])
                            .mapToObj(time -> String.format(Locale.ROOT, "%.0f", millis(time)))
                            .collect(Collectors.joining(" ")));
        }
        System.out.printf(Locale.ROOT, "  %-26s median %7.0f ms   min %7.0f ms%n", "processor adds",
                medians[1] - medians[0], minimums[1] - minimums[0]);
    }

    private static double median(long[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static double millis(double nanos) {
        return nanos / 1_000_000.0;
    }

    private enum Mode {
        WITHOUT_PROCESSOR("without processor", "-proc:none"),
        WITH_PROCESSOR("with LoadPlanProcessor", null),
        PROCESSING_ONLY("processing only", "-proc:only");

        final String label;
        final String procOption;

        Mode(String label, String procOption) {
            this.label = label;
            this.procOption = procOption;
        }
    }

    private record Result(long wallNanos, long cpuNanos, int sourcesWritten, int classesWritten) {
    }

    /** One compilation, timed from creating the task to its end; fails on any error. */
    private static Result compile(JavaCompiler javac, Mode mode, List<JavaFileObject> sources, String classPath) {
        List<String> options = new ArrayList<>(List.of("--release", "17", "-classpath", classPath,
                "-Xlint:none"));
        if (mode.procOption != null) {
            options.add(mode.procOption);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        try (InMemoryOutput output = new InMemoryOutput(
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8))) {
            JavaCompiler.CompilationTask task = javac.getTask(null, output, diagnostics, options, null, sources);
            if (mode != Mode.WITHOUT_PROCESSOR) {
                // Named, so discovery (which would also find the processor on this class path) plays no part.
                task.setProcessors(List.<Processor>of(new LoadPlanProcessor()));
            }
            boolean success = task.call();
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
            long wallNanos = System.nanoTime() - start;
            List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                    .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                    .toList();
            if (!success || !errors.isEmpty()) {
                throw new IllegalStateException(mode.label + " failed: " + errors.stream().limit(10)
                        .map(Object::toString).collect(Collectors.joining("\n")));
            }
            return new Result(wallNanos, cpuNanos, output.sourcesWritten, output.classesWritten);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the entities (200 by default): each pair's parent and child, with a many-to-many every few pairs. */
    static final class EntitySources {

        private static final String IMPORTS = """
                import dev.loadplan.annotations.Column;
                import dev.loadplan.annotations.Entity;
                import dev.loadplan.annotations.Id;
                import dev.loadplan.annotations.Relationship;
                import java.math.BigDecimal;
                import java.time.LocalDate;
                import java.time.LocalDateTime;
                import java.time.OffsetDateTime;
                import java.util.List;
                import java.util.UUID;
                """;

        private final int pairs;

        EntitySources(int pairs) {
            this.pairs = pairs;
        }

        List<JavaFileObject> all() {
            List<JavaFileObject> sources = new ArrayList<>();
            for (int pair = 0; pair < pairs; pair++) {
                sources.add(source("Parent" + pair, parent(pair)));
                sources.add(source("Child" + pair, child(pair)));
            }
            return sources;
        }

        private static boolean linksToNext(int pair) {
            return pair % MANY_TO_MANY_EVERY == 0;
        }

        private boolean linkedFromPrevious(int pair) {
            return linksToNext(Math.floorMod(pair - 1, pairs));
        }

        private String joinTable(int parent) {
            return "parent" + parent + "_child" + (parent + 1) % pairs;
        }

        private String parent(int pair) {
            StringBuilder body = new StringBuilder();
            body.append("@Entity(table = \"parent").append(pair).append("\")\n")
                    .append("public class Parent").append(pair).append(" {\n")
                    .append("    @Id long id;\n")
                    .append("    String name;\n")
                    .append("    int rank;\n")
                    .append("    Long score;\n")
                    .append("    boolean active;\n")
                    .append("    BigDecimal balance;\n")
                    .append("    LocalDateTime created;\n")
                    .append("    @Column(\"updated_at\") OffsetDateTime updated;\n")
                    .append("    @Relationship(mappedBy = \"parent\", orderBy = \"id\")\n")
                    .append("    List<Child").append(pair).append("> children;\n");
            if (linksToNext(pair)) {
                int next = (pair + 1) % pairs;
                body.append("    @Relationship(joinTable = \"").append(joinTable(pair))
                        .append("\", joinColumn = \"parent_id\", inverseJoinColumn = \"child_id\")\n")
                        .append("    List<Child").append(next).append("> tagged;\n");
            }
            return body.append("}\n").toString();
        }

        private String child(int pair) {
            StringBuilder body = new StringBuilder();
            body.append("@Entity(table = \"child").append(pair).append("\")\n")
                    .append("public class Child").append(pair).append(" {\n")
                    .append("    @Id long id;\n")
                    .append("    String title;\n")
                    .append("    double weight;\n")
                    .append("    Integer position;\n")
                    .append("    UUID reference;\n")
                    .append("    LocalDate due;\n")
                    .append("    byte[] data;\n")
                    .append("    @Column(\"parent_id\") Long parentId;\n")
                    .append("    @Relationship(joinColumn = \"parent_id\")\n")
                    .append("    Parent").append(pair).append(" parent;\n");
            if (linkedFromPrevious(pair)) {
                int previous = Math.floorMod(pair - 1, pairs);
                body.append("    @Relationship(joinTable = \"").append(joinTable(previous))
                        .append("\", joinColumn = \"child_id\", inverseJoinColumn = \"parent_id\")\n")
                        .append("    List<Parent").append(previous).append("> taggedBy;\n");
            }
            return body.append("}\n").toString();
        }

        private static JavaFileObject source(String simpleName, String body) {
            String text = "package " + PACKAGE + ";\n\n" + IMPORTS + "\n" + body;
            return new SimpleJavaFileObject(URI.create("mem:///" + PACKAGE + "/" + simpleName + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
        }
    }

    /**
     * Keeps what javac writes (class files, and the processor's sources, which javac then reads back and compiles)
     * in memory, and counts it. Everything it reads comes from the standard file manager.
     */
    static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {

        int sourcesWritten;
        int classesWritten;

        InMemoryOutput(StandardJavaFileManager fileManager) {
            super(fileManager);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            if (kind == JavaFileObject.Kind.SOURCE) {
                sourcesWritten++;
            } else if (kind == JavaFileObject.Kind.CLASS) {
                classesWritten++;
            }
            URI uri = URI.create("mem:///" + location.getName() + "/" + className.replace('.', '/') + kind.extension);
            return new InMemoryFile(uri, kind);
        }

        @Override
        public FileObject getFileForOutput(Location location, String packageName, String relativeName,
                FileObject sibling) {
            URI uri = URI.create("mem:///" + location.getName() + "/" + packageName.replace('.', '/') + "/"
                    + relativeName);
            return new InMemoryFile(uri, JavaFileObject.Kind.OTHER);
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            return a.toUri().equals(b.toUri());
        }
    }

    /** A file written to memory; a generated source reads back as what was written. */
    static final class InMemoryFile extends SimpleJavaFileObject {

        private final ByteArrayOutputStream content = new ByteArrayOutputStream();

        InMemoryFile(URI uri, Kind kind) {
            super(uri, kind);
        }

        @Override
        public OutputStream openOutputStream() {
            content.reset();
            return content;
        }

        @Override
        public Writer openWriter() {
            return new OutputStreamWriter(openOutputStream(), StandardCharsets.UTF_8);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content.toString(StandardCharsets.UTF_8);
        }
    }
}
