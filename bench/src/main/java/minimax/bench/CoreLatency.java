package minimax.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import minimax.format.AtomicFiles;
import minimax.format.Json;

/**
 * Measures how long two threads take to pass a cache line back and forth (one round trip: each
 * thread writes a counter the other one is spinning on), in nanoseconds.
 *
 * <p>Why the benchmark command records it: on the 2-vCPU cloud VM Minimax is developed on, the
 * hypervisor sometimes runs the two vCPUs on cores that share an L3 cache (a round trip of about
 * 70 ns) and sometimes on cores that do not (about 330 ns), and moves between the two within
 * minutes. Training steps made of many short two-thread kernels, whose results the next kernel
 * reads on the other thread, then run up to 1.7× slower (measured: W1 at batch 1,024 135–150 µs
 * against 225–250 µs in the same JVM, the round trip 68 against 325–340 ns). A report that gives
 * the round trip before and after each library's runs says which state its figures were measured in.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar minimax.bench.CoreLatency FILE} writes
 * {@code {"median_ns": …, "trials_ns": […]}} to FILE (replaced atomically) and prints the median.
 */
public final class CoreLatency {
    private static final int ROUND_TRIPS = 100_000;
    private static final int TRIALS = 7;

    private CoreLatency() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CoreLatency FILE   (writes the core-to-core round trip, in ns, as JSON)");
            System.exit(2);
        }
        double[] trials = measure();
        double median = median(trials);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("median_ns", median);
        json.put("trials_ns", List.of(Arrays.stream(trials).boxed().toArray()));
        write(Path.of(args[0]), json);
        System.out.printf(Locale.ROOT, "core-to-core round trip: %.0f ns (median of %d trials of %,d)%n", median, TRIALS, ROUND_TRIPS);
    }

    /** {@link #TRIALS} measurements of the mean round trip over {@link #ROUND_TRIPS}, after one untimed trial. */
    static double[] measure() throws InterruptedException {
        roundTrip(ROUND_TRIPS); // warms up both loops
        double[] trials = new double[TRIALS];
        for (int i = 0; i < TRIALS; i++) trials[i] = roundTrip(ROUND_TRIPS);
        return trials;
    }

    /**
     * Mean nanoseconds per round trip: this thread writes an odd value, a second thread waits for it
     * and answers with the next even one.
     */
    static double roundTrip(int n) throws InterruptedException {
        AtomicLong flag = new AtomicLong();
        Thread echo = new Thread(() -> {
            for (long v = 1; v < 2L * n; v += 2) {
                while (flag.get() != v) Thread.onSpinWait();
                flag.set(v + 1);
            }
        }, "core-latency-echo");
        echo.setDaemon(true);
        echo.start();
        while (echo.getState() == Thread.State.NEW) Thread.onSpinWait();
        long start = System.nanoTime();
        for (long v = 1; v < 2L * n; v += 2) {
            flag.set(v);
            while (flag.get() != v + 1) Thread.onSpinWait();
        }
        long elapsed = System.nanoTime() - start;
        echo.join();
        return elapsed / (double) n;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void write(Path file, Map<String, Object> json) throws IOException {
        AtomicFiles.writeString(file, Json.write(json));
    }
}
