package minimax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link Parallel#forRange} covers each index exactly once and passes errors to the caller. */
class ParallelTest {
    @Test
    void everyIndexIsVisitedExactlyOnce() {
        int before = Parallel.threads();
        try {
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                for (int n : new int[] {0, 1, 2, 7, 100}) {
                    AtomicIntegerArray hits = new AtomicIntegerArray(n);
                    Parallel.forRange(n, true, (from, to) -> {
                        for (int i = from; i < to; i++) hits.incrementAndGet(i);
                    });
                    for (int i = 0; i < n; i++) assertEquals(1, hits.get(i), "index " + i + " of " + n + " with " + threads + " threads");
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void anExceptionInAWorkerReachesTheCaller() {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(2);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(10, true, (from, to) -> {
                if (from > 0) throw new IllegalStateException("worker " + from);
            }));
            // ForkJoinPool may rethrow a copy whose message is prefixed with the class name
            assertTrue(e.getMessage().contains("worker 5"), e.getMessage());
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void threadCountBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }
}
