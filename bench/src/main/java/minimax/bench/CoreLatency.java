package minimax.bench;

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
 * <p>Each trial runs for a fixed time ({@link #TRIAL_NANOS}), not a fixed count, and a waiting thread
 * yields now and then, so the probe ends in about a second even where the two threads share one
 * processor (there every hand-off waits for the scheduler: milliseconds, not nanoseconds). With
 * fewer than two processors it measures nothing and says so.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar minimax.bench.CoreLatency FILE} writes
 * {@code {"median_ns": …, "min_ns": …, "max_ns": …, "trials_ns": […]}} (or {@code {"skipped": reason}})
 * to FILE, replaced atomically, and prints the median with the spread.
 */
public final class CoreLatency {
    /** An odd number, so the median is one of them. */
    private static final int TRIALS = 7;
    static final long TRIAL_NANOS = 100_000_000;
    /** Round trips between two looks at the clock. */
    private static final int BATCH = 256;
    /** A waiting thread yields after this many spins (a round trip takes some tens of spins when both threads run). */
    private static final int SPINS_PER_YIELD = 10_000;
    private static final long STOP = -1;

    private CoreLatency() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CoreLatency FILE   (writes the core-to-core round trip, in ns, as JSON)");
            System.exit(2);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        int processors = Runtime.getRuntime().availableProcessors();
        if (processors < 2) {
            json.put("skipped", "one processor: no two threads run at once");
            System.out.println("core-to-core round trip: not measured (one processor)");
        } else {
            double[] trials = measure();
            double[] sorted = trials.clone();
            Arrays.sort(sorted);
            double median = sorted[TRIALS / 2], min = sorted[0], max = sorted[TRIALS - 1]; // TRIALS is odd
            json.put("median_ns", median);
            json.put("min_ns", min);
            json.put("max_ns", max);
            json.put("trials_ns", List.of(Arrays.stream(trials).boxed().toArray()));
            System.out.printf(Locale.ROOT, "core-to-core round trip: %.0f ns (median of %d trials; %.0f–%.0f)%n", median, TRIALS, min, max);
        }
        AtomicFiles.writeString(Path.of(args[0]), Json.write(json));
    }

    /** {@link #TRIALS} measurements of the mean round trip, after one untimed trial. */
    static double[] measure() throws InterruptedException {
        roundTrip(TRIAL_NANOS / 2); // warms up both loops
        double[] trials = new double[TRIALS];
        for (int i = 0; i < TRIALS; i++) trials[i] = roundTrip(TRIAL_NANOS);
        return trials;
    }

    /**
     * Mean nanoseconds per round trip over about {@code nanos}: this thread writes an odd value, a
     * second thread waits for it and answers with the next even one; {@link #STOP} ends the second thread.
     */
    static double roundTrip(long nanos) throws InterruptedException {
        AtomicLong flag = new AtomicLong();
        Thread echo = new Thread(() -> {
            for (long v = 1; ; v += 2) {
                if (await(flag, v) == STOP) return;
                flag.set(v + 1);
            }
        }, "core-latency-echo");
        echo.setDaemon(true);
        echo.start();
        long start = System.nanoTime(), end = start + nanos, trips = 0;
        long v = 1;
        while (System.nanoTime() < end) {
            for (int i = 0; i < BATCH; i++, v += 2, trips++) {
                flag.set(v);
                await(flag, v + 1);
            }
        }
        long elapsed = System.nanoTime() - start;
        flag.set(STOP);
        echo.join();
        return elapsed / (double) trips;
    }

    /** Spins until {@code flag} holds {@code value} or {@link #STOP}, yielding now and then; returns what it saw. */
    private static long await(AtomicLong flag, long value) {
        for (int spins = 1; ; spins++) {
            long seen = flag.get();
            if (seen == value || seen == STOP) return seen;
            if (spins % SPINS_PER_YIELD == 0) Thread.yield();
            else Thread.onSpinWait();
        }
    }
}
