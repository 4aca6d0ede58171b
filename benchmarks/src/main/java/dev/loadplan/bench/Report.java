package dev.loadplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** The JMH results as Markdown: per scenario, each contender's time and allocation, and both as ratios to the floor. */
final class Report {

    private Report() {
    }

    static String jmh(Collection<RunResult> results, String mode, String database, String jmhArguments) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark results (").append(mode).append(" run)\n\n");
        out.append(machine(database, mode, jmhArguments));
        out.append("Each figure is JMH's mean time per operation (average mode) and allocation per operation (its gc "
                + "profiler's `gc.alloc.rate.norm`), then each as a ratio to the floor: hand-written JDBC running the "
                + "statements of loadplan's select-in plan and assembling the same objects by hand; `floorJoined` and "
                + "`floorSubquery` run loadplan's joined and subquery statements the same way. Each contender is "
                + "compared with the floor that runs its statements (the `floor` column says which); Hibernate, "
                + "jOOQ and LAZY with the select-in floor. Error is JMH's 99.9% interval.\n\n");
        for (Map.Entry<String, String> scenario : Scenarios.TITLES.entrySet()) {
            Map<String, RunResult> contenders = new LinkedHashMap<>();
            for (RunResult result : results) {
                String benchmark = result.getParams().getBenchmark();
                String[] parts = benchmark.split("\\.");
                if (parts[parts.length - 2].equals(scenario.getKey())) {
                    contenders.put(parts[parts.length - 1], result);
                }
            }
            if (contenders.isEmpty()) {
                continue;
            }
            out.append("## ").append(scenario.getValue()).append("\n\n");
            out.append("| contender | ms/op | error | x floor | KB/op | x floor | floor |\n");
            out.append("|---|---:|---:|---:|---:|---:|---|\n");
            for (Map.Entry<String, RunResult> contender : contenders.entrySet()) {
                String floorName = Scenarios.floorOf(contender.getKey(), contenders.keySet());
                RunResult floor = contenders.get(floorName);
                Result<?> time = contender.getValue().getPrimaryResult();
                double allocation = allocation(contender.getValue());
                out.append("| ").append(contender.getKey()).append(" | ")
                        .append(format(time.getScore())).append(" | ").append(format(time.getScoreError()))
                        .append(" | ").append(ratio(time.getScore(), floor == null ? Double.NaN
                                : floor.getPrimaryResult().getScore()))
                        .append(" | ").append(format(allocation / 1024)).append(" | ")
                        .append(ratio(allocation, floor == null ? Double.NaN : allocation(floor))).append(" | ")
                        .append(floorName).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static double allocation(RunResult result) {
        for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
            if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                return secondary.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.3f", value);
    }

    private static String ratio(double value, double floor) {
        return Double.isNaN(value) || Double.isNaN(floor) ? "-" : String.format(Locale.ROOT, "%.2f", value / floor);
    }

    static String machine(String database, String mode, String jmhArguments) {
        return "- date: " + LocalDate.now() + "\n"
                + "- machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + "\n"
                + "- database: " + database + "\n"
                + "- command: `mvn -B -ntp -pl benchmarks -am package -DskipTests -Pbench -Dbench.mode=" + mode
                + (jmhArguments.isEmpty() ? "" : " '-Dbench.args=" + jmhArguments + "'") + "`\n\n";
    }

    private static String cpu() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the core count says enough.
        }
        return System.getProperty("os.arch");
    }
}
