package minimax.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * The one thread pool that all kernels share.
 *
 * <p>Its size is read once from the system property {@code minimax.threads}, else the number of
 * available processors; {@link #setThreads(int)} changes it. Kernels split work only along
 * output rows, never along a sum, so results are bit-identical for any thread count.
 */
public final class Parallel {
    private static volatile int threads = initialThreads();
    private static volatile ForkJoinPool pool;

    private Parallel() {}

    private static int initialThreads() {
        String p = System.getProperty("minimax.threads");
        if (p != null) {
            try {
                int t = Integer.parseInt(p.trim());
                if (t >= 1) return t;
            } catch (NumberFormatException ignored) {
                // fall through to the default; a bad property must not break the library
            }
            System.err.println("minimax: ignoring minimax.threads=" + p + " (expected an integer >= 1)");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Number of threads kernels may use (at least 1). */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of threads kernels may use.
     *
     * @param n at least 1; 1 runs everything on the calling thread
     */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        if (n != threads) {
            threads = n;
            ForkJoinPool old = pool;
            pool = null;
            if (old != null) old.shutdown();
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(threads, pool -> {
                        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                        t.setDaemon(true);
                        t.setName("minimax-kernel-" + t.getPoolIndex());
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /** A body that processes the half-open range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, n)}, split into at most {@link #threads()} contiguous
     * chunks when {@code parallel} is true, else on the calling thread.
     */
    public static void forRange(int n, boolean parallel, RangeBody body) {
        int t = Math.min(threads, n);
        if (!parallel || t <= 1) {
            body.run(0, n);
            return;
        }
        ForkJoinPool p = pool();
        if (Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread
                && ((java.util.concurrent.ForkJoinWorkerThread) Thread.currentThread()).getPool() == p) { // already inside a kernel task: do not nest
            body.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(t - 1);
        int chunk = (n + t - 1) / t;
        for (int c = 1; c < t; c++) {
            int from = c * chunk;
            int to = Math.min(n, from + chunk);
            if (from >= to) break;
            futures.add(p.submit(() -> body.run(from, to)));
        }
        body.run(0, Math.min(n, chunk));
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a kernel task", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) throw (RuntimeException) cause;
                if (cause instanceof Error) throw (Error) cause;
                throw new IllegalStateException(cause);
            }
        }
    }
}
