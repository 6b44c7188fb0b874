package minimax.kernels;

/**
 * The one thread pool that all kernels share.
 *
 * <p>Its size is read once from the system property {@code minimax.threads}, else the number of
 * available processors; {@link #setThreads(int)} changes it. Kernels split work only along
 * outputs (rows or columns of a product, ranges of an element-wise op), never along a sum, so
 * results are bit-identical for any thread count.
 */
public final class Parallel {
    private static volatile int threads = initialThreads();
    private static volatile SpinPool pool;

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
     * Sets the number of threads kernels may use (at most the number of available processors run
     * at once). Waits for a kernel running on another thread to finish.
     *
     * @param n at least 1; 1 runs everything on the calling thread
     */
    public static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        SpinPool old;
        synchronized (Parallel.class) {
            if (n == threads) return;
            threads = n;
            old = pool;
            pool = null;
        }
        // outside the lock: shutting down waits for a running job, whose chunks may start kernels
        if (old != null) old.shutdown();
    }

    private static SpinPool pool() {
        SpinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    // more threads than cores would make the spinning threads take turns with the working ones
                    p = new SpinPool(Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors())));
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
        pool().run(n, body);
    }
}
