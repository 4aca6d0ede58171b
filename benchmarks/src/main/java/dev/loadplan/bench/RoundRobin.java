package dev.loadplan.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Each scenario's contenders taking turns in one JVM, round after round, each round's times compared with the floor's
 * of the same round, the median of those ratios reported. JMH runs one benchmark after another, so a machine whose
 * speed drifts (a shared host, another process) moves one contender and not its floor; here the drift is in both
 * sides of every ratio. This is how the issue that asked for the benchmarks measured its ratios.
 */
final class RoundRobin {

    private static final int WARM_UP_ROUNDS = 3;

    private final BenchState state;
    private final int rounds;
    private final long roundNanos;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** The last graph of each call, kept so the work to build it cannot be skipped. */
    private Object last;

    private RoundRobin(BenchState state, int rounds, long roundMillis) {
        this.state = state;
        this.rounds = rounds;
        this.roundNanos = roundMillis * 1_000_000;
    }

    /** Runs every scenario for {@code rounds} measured rounds of {@code roundMillis} per contender; Markdown. */
    static String run(BenchState state, List<Scenarios.Scenario> scenarios, int rounds, long roundMillis) {
        StringBuilder out = new StringBuilder("# Round-robin ratios\n\n");
        out.append("Each scenario's contenders in turn, in one JVM, ").append(WARM_UP_ROUNDS)
                .append(" warm-up and ").append(rounds).append(" measured rounds of ").append(roundMillis)
                .append(" ms each (at least one call), the order reversed every other round. Time and allocation "
                        + "(of the calling thread) per call are medians over the rounds; `x floor` is the median of "
                        + "each round's ratio to the floor that runs the contender's statements, the range its "
                        + "quartiles. Drift of the machine's speed falls on both sides of each ratio, which makes "
                        + "these ratios steadier than the JMH ones above on a shared machine. `KB received/call` is "
                        + "what the server sent per call, counted at the driver's sockets (protocol framing "
                        + "included), the median over the rounds.\n\n");
        out.append(tables(state, scenarios, rounds, roundMillis, ""));
        if (state.loadsHeard.sum() > 0) {
            // Proof that the observed contenders were observed: every statement and load reached a listener.
            out.append(String.format(Locale.ROOT, "The listeners of the `loadplanObserved` contenders heard %,d loads "
                    + "(%,d objects) and %,d statements (%,d rows).%n%n", state.loadsHeard.sum(),
                    state.objectsHeard.sum(), state.statementsHeard.sum(), state.rowsHeard.sum()));
        }
        return out.toString();
    }

    /** Each scenario's table alone, its heading the scenario's title and {@code where} (such as a latency). */
    static String tables(BenchState state, List<Scenarios.Scenario> scenarios, int rounds, long roundMillis,
            String where) {
        RoundRobin runner = new RoundRobin(state, rounds, roundMillis);
        StringBuilder out = new StringBuilder();
        for (Scenarios.Scenario scenario : scenarios) {
            System.out.println("round-robin: " + scenario.title() + where);
            out.append(runner.scenario(scenario, where));
        }
        return out.toString();
    }

    private String scenario(Scenarios.Scenario scenario, String where) {
        List<String> names = new ArrayList<>(scenario.contenders().keySet());
        List<Function<BenchState, ?>> calls = new ArrayList<>(scenario.contenders().values());
        double[][] millis = new double[names.size()][rounds];
        double[][] bytes = new double[names.size()][rounds];
        double[][] received = new double[names.size()][rounds];
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            for (int step = 0; step < names.size(); step++) {
                int index = Math.floorMod(round, 2) == 0 ? step : names.size() - 1 - step;
                double[] perCall = measure(calls.get(index));
                if (round >= 0) {
                    millis[index][round] = perCall[0];
                    bytes[index][round] = perCall[1];
                    received[index][round] = perCall[2];
                }
            }
        }
        StringBuilder out = new StringBuilder("## ").append(scenario.title()).append(where).append("\n\n");
        out.append("| contender | ms/call | x floor | quartiles | KB/call | x floor | KB received/call | x floor "
                + "| floor |\n");
        out.append("|---|---:|---:|---|---:|---:|---:|---:|---|\n");
        for (int index = 0; index < names.size(); index++) {
            String floorName = Scenarios.floorOf(names.get(index), scenario.contenders().keySet());
            int floor = names.indexOf(floorName);
            double[] timeRatios = ratios(millis[index], millis[floor]);
            double[] allocationRatios = ratios(bytes[index], bytes[floor]);
            double[] receivedRatios = ratios(received[index], received[floor]);
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.2f | %.2f-%.2f | %.1f | %.2f | %.1f | %.2f | %s |%n",
                    names.get(index), median(millis[index]), median(timeRatios), quantile(timeRatios, 0.25),
                    quantile(timeRatios, 0.75), median(bytes[index]) / 1024, median(allocationRatios),
                    median(received[index]) / 1024, median(receivedRatios), floorName));
        }
        return out.append('\n').toString();
    }

    /**
     * Calls {@code call} until a round's time is up (once at least): milliseconds, bytes allocated and bytes received
     * from the server per call.
     */
    private double[] measure(Function<BenchState, ?> call) {
        long receivedBefore = CountingSocketFactory.received();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long elapsed;
        int calls = 0;
        do {
            last = call.apply(state);
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < roundNanos);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long received = CountingSocketFactory.received() - receivedBefore;
        return new double[] {elapsed / 1e6 / calls, (double) allocated / calls, (double) received / calls};
    }

    private static double[] ratios(double[] values, double[] floor) {
        double[] ratios = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            ratios[i] = values[i] / floor[i];
        }
        return ratios;
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** The value at {@code quantile} (0 to 1) of {@code values}, the nearest rank's. */
    static double quantile(double[] values, double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(quantile * (sorted.length - 1))];
    }
}
