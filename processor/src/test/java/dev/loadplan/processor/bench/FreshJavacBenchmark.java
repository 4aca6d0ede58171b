package dev.loadplan.processor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * What a first build sees: each compilation a fresh {@code javac} process, so every run is cold (javac, JavaPoet,
 * the planner and the processor interpreted until the JIT catches up), on the class path a user's build has (the
 * runtime and what it depends on) with the processor on the processor path. {@link CompileTimeBenchmark} measures
 * the same entities in one JVM, where javac warms up; this measures the first compile a team waits for.
 *
 * <pre>
 * mvn -B -ntp -q -pl processor -am install -DskipTests &amp;&amp; mvn -B -ntp -q -pl processor test-compile exec:java -Dexec.mainClass=dev.loadplan.processor.bench.FreshJavacBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * <p>{@code -Dexec.args="5 100"} sets the runs per mode and the parent/child pairs (by default 5 and 100, so 200
 * entities). The {@code javac} is the one of the JDK running Maven ({@code JAVA_HOME}). A fourth mode compiles the
 * sources the processor wrote, kept from a first run, as plain input with {@code -proc:none}: what compiling the
 * generated volume costs by itself.
 */
public final class FreshJavacBenchmark {

    private FreshJavacBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path work = Files.createTempDirectory("loadplan-fresh-javac");
        try {
            List<String> sources = writeSources(new CompileTimeBenchmark.EntitySources(pairs).all(), work.resolve("src"));
            String userClassPath = BenchClassPath.user();
            String processorPath = BenchClassPath.processor();
            String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
            System.out.printf(Locale.ROOT, "%s, %d entity sources, %d runs per mode, each a fresh process%n", javac,
                    sources.size(), runs);
            List<String> generatedSources = pregenerate(javac, work, userClassPath, processorPath, sources);
            List<List<String>> modes = List.of(List.of("-proc:none"),
                    List.of("-processorpath", processorPath),
                    List.of("-proc:only", "-processorpath", processorPath),
                    List.of("-proc:none"));
            List<String> labels = List.of("without processor", "with LoadPlanProcessor", "processing only",
                    "generated, no processor");
            List<List<String>> inputs = List.of(sources, sources, sources, concat(sources, generatedSources));
            long[][] millis = new long[modes.size()][runs];
            for (int run = 0; run < runs; run++) {
                for (int step = 0; step < modes.size(); step++) {
                    int index = run % 2 == 0 ? step : modes.size() - 1 - step;
                    millis[index][run] = compile(javac, work, userClassPath, modes.get(index), inputs.get(index));
                }
            }
            long[] medians = new long[modes.size()];
            for (int index = 0; index < modes.size(); index++) {
                long[] sorted = millis[index].clone();
                Arrays.sort(sorted);
                medians[index] = sorted[runs / 2];
                System.out.printf(Locale.ROOT, "  %-24s median %6d ms   min %6d ms   runs %s%n", labels.get(index),
                        medians[index], sorted[0], Arrays.toString(millis[index]));
            }
            System.out.printf(Locale.ROOT, "  %-24s median %6d ms (processing %d ms, compiling what it wrote %d ms)%n",
                    "processor adds", medians[1] - medians[0], medians[2] - medians[0], medians[1] - medians[2]);
            // The generated sources as plain input: what their volume alone costs, had the processor cost nothing.
            System.out.printf(Locale.ROOT, "  %-24s median %6d ms (the processor's own run: %d ms)%n",
                    "generated code adds", medians[3] - medians[0], medians[1] - medians[3]);
        } finally {
            delete(work);
        }
    }

    /** The sources the processor writes for {@code sources}, kept to be compiled as plain input. */
    private static List<String> pregenerate(String javac, Path work, String userClassPath, String processorPath,
            List<String> sources) throws IOException, InterruptedException {
        compile(javac, work, userClassPath, List.of("-proc:only", "-processorpath", processorPath), sources);
        Path kept = work.resolve("pregenerated");
        Files.move(work.resolve("generated"), kept);
        try (Stream<Path> paths = Files.walk(kept)) {
            return paths.filter(path -> path.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static long compile(String javac, Path work, String userClassPath, List<String> mode, List<String> sources)
            throws IOException, InterruptedException {
        Path classes = work.resolve("classes");
        Path generated = work.resolve("generated");
        delete(classes);
        delete(generated);
        Files.createDirectories(classes);
        Files.createDirectories(generated);
        List<String> command = new ArrayList<>(List.of(javac, "--release", "17", "-Xlint:none", "-classpath",
                userClassPath, "-d", classes.toString(), "-s", generated.toString()));
        command.addAll(mode);
        command.addAll(sources);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("javac " + mode + " failed:\n" + output);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static List<String> writeSources(List<JavaFileObject> sources, Path root) throws IOException {
        List<String> paths = new ArrayList<>();
        for (JavaFileObject source : sources) {
            Path path = root.resolve(source.toUri().getPath().substring(1));
            Files.createDirectories(path.getParent());
            Files.writeString(path, source.getCharContent(true));
            paths.add(path.toString());
        }
        return paths;
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
