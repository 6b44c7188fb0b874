package minimax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * {@link Parallel#forRange} covers each index exactly once, passes errors to the caller, wakes
 * parked workers, and stays correct when several threads, nested kernels or a resize use it at once.
 */
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
            assertEquals("worker 5", e.getMessage());
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void threadCountBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void parkedWorkersWakeForTheNextJob() throws InterruptedException {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(2);
            for (int round = 0; round < 3; round++) {
                Thread.sleep(5 + SpinPool.SPIN_NANOS / 1_000_000); // long enough for the worker to park
                AtomicIntegerArray hits = new AtomicIntegerArray(64);
                Set<Thread> threads = ConcurrentHashMap.newKeySet();
                Parallel.forRange(64, true, (from, to) -> {
                    threads.add(Thread.currentThread());
                    for (int i = from; i < to; i++) hits.incrementAndGet(i);
                });
                for (int i = 0; i < 64; i++) assertEquals(1, hits.get(i));
                assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()), threads.size(), "both threads ran a chunk");
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void concurrentCallersNestedCallsAndResizesAllComplete() throws Exception {
        int before = Parallel.threads();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Parallel.setThreads(2);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                done.add(callers.submit(() -> {
                    for (int rep = 0; rep < 2000; rep++) {
                        AtomicIntegerArray hits = new AtomicIntegerArray(10);
                        Parallel.forRange(5, true, (from, to) -> {
                            for (int i = from; i < to; i++) {
                                int outer = i;
                                // a kernel inside a kernel's chunk runs on the chunk's thread
                                Parallel.forRange(2, true, (f, t) -> {
                                    for (int j = f; j < t; j++) hits.incrementAndGet(2 * outer + j);
                                });
                            }
                        });
                        for (int i = 0; i < 10; i++) assertEquals(1, hits.get(i));
                    }
                    return null;
                }));
            }
            for (int rep = 0; rep < 50; rep++) Parallel.setThreads(rep % 2 == 0 ? 3 : 2); // resizes meanwhile
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            callers.shutdownNow();
            Parallel.setThreads(before);
        }
    }

    @Test
    void aChunkMayResizeThePool() throws Exception {
        int before = Parallel.threads();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Parallel.setThreads(2);
            AtomicIntegerArray hits = new AtomicIntegerArray(2);
            Future<?> done = caller.submit(() -> Parallel.forRange(2, true, (from, to) -> {
                for (int i = from; i < to; i++) hits.incrementAndGet(i);
                if (from == 1) Parallel.setThreads(3); // on the worker, while the caller waits for it
            }));
            done.get(30, TimeUnit.SECONDS);
            assertEquals(1, hits.get(0));
            assertEquals(1, hits.get(1));
            AtomicIntegerArray after = new AtomicIntegerArray(10);
            Parallel.forRange(10, true, (from, to) -> {
                for (int i = from; i < to; i++) after.incrementAndGet(i);
            });
            for (int i = 0; i < 10; i++) assertEquals(1, after.get(i));
        } finally {
            caller.shutdownNow();
            Parallel.setThreads(before);
        }
    }
}
