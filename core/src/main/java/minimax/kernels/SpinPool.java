package minimax.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fork-join of fixed width for kernels: {@code workers} daemon threads plus the calling thread
 * each run one chunk of a range, then the caller waits for all chunks.
 *
 * <p>Kernels on a training path are short (tens to hundreds of microseconds) and come back to
 * back, so waking a parked thread for each one (what a {@link java.util.concurrent.ForkJoinPool}
 * does; measured here: about 15 µs per call on a 2-core VM, and often slower than running alone)
 * costs more than it saves. After a job, a worker therefore spins for up to {@link #SPIN_NANOS}
 * waiting for the next one, as OpenMP runtimes do, and parks only when none comes; the caller
 * waits for the workers the same way.
 *
 * <p>Only one caller uses the workers at a time; a second thread calling meanwhile, or a kernel
 * started from inside a chunk, runs its whole range on its own thread. Chunks never depend on
 * who runs them, so results do not either.
 */
final class SpinPool {
    /** How long an idle worker (or a waiting caller) spins before it parks. */
    static final long SPIN_NANOS = 200_000;
    /** Spinning threads yield the core this often, so that a runnable thread (a worker with a chunk to run) is not kept waiting for a time slice. */
    private static final int SPINS_PER_YIELD = 64;

    private final Worker[] workers;
    private final ReentrantLock inUse = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    /** Incremented to publish a job; workers wait for it to change. */
    private volatile long generation;
    private volatile boolean shutdown;
    private volatile boolean callerParked;
    private volatile Thread caller;
    // the current job, published by the write of generation
    private Parallel.RangeBody body;
    private int n;
    private int chunk;
    private volatile Throwable failure;

    /** A pool whose jobs run on {@code width} threads: the caller and {@code width - 1} workers. */
    SpinPool(int width) {
        workers = new Worker[width - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].start();
        }
    }

    /** Threads a job runs on, the caller included. */
    int width() {
        return workers.length + 1;
    }

    /**
     * Runs {@code body} over {@code [0, n)} in {@code width()} contiguous chunks, the first on the
     * calling thread; returns when all are done, rethrowing the first failure. Runs the whole
     * range on the calling thread when the pool is busy or shut down, or when called from inside
     * one of its chunks.
     */
    void run(int n, Parallel.RangeBody body) {
        if (Thread.currentThread() instanceof Worker || inUse.isHeldByCurrentThread() || !inUse.tryLock()) {
            body.run(0, n);
            return;
        }
        try {
            if (shutdown) {
                body.run(0, n);
                return;
            }
            this.body = body;
            this.n = n;
            this.chunk = (n + width() - 1) / width();
            this.failure = null;
            this.caller = Thread.currentThread();
            pending.set(workers.length);
            generation = generation + 1; // publishes the job
            for (Worker w : workers) {
                if (w.parked) LockSupport.unpark(w);
            }
            Throwable own = null;
            try {
                body.run(0, Math.min(n, chunk));
            } catch (Throwable t) {
                own = t;
            }
            awaitWorkers();
            this.body = null;
            Throwable t = own != null ? own : failure;
            if (own != null && failure != null && failure != own) own.addSuppressed(failure);
            if (t instanceof RuntimeException) throw (RuntimeException) t;
            if (t instanceof Error) throw (Error) t;
            if (t != null) throw new IllegalStateException(t);
        } finally {
            inUse.unlock();
        }
    }

    private void awaitWorkers() {
        long start = System.nanoTime();
        for (int spins = 1; pending.get() != 0; spins++) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                spinOnce(spins);
            } else {
                callerParked = true;
                if (pending.get() != 0) LockSupport.parkNanos(this, 1_000_000);
                callerParked = false;
            }
        }
    }

    /** Stops the workers after the job in progress, if any; later jobs run on their callers. */
    void shutdown() {
        for (Worker w : workers) {
            if (Thread.currentThread() == w) { // a chunk resizing the pool: its job is published, so waiting for it would deadlock
                shutdown = true;
                for (Worker other : workers) LockSupport.unpark(other);
                return;
            }
        }
        inUse.lock(); // lets a running job finish; later callers see the flag and run alone
        try {
            shutdown = true;
        } finally {
            inUse.unlock();
        }
        for (Worker w : workers) LockSupport.unpark(w);
    }

    private static void spinOnce(int spins) {
        if (spins % SPINS_PER_YIELD == 0) Thread.yield();
        else Thread.onSpinWait();
    }

    private void chunkDone() {
        if (pending.decrementAndGet() == 0 && callerParked) LockSupport.unpark(caller);
    }

    private final class Worker extends Thread {
        private final int index;
        volatile boolean parked;

        Worker(int index) {
            this.index = index;
            setDaemon(true);
            setName("minimax-kernel-" + index);
        }

        @Override
        public void run() {
            long seen = 0; // the generation before the first job (not read here: a job may already be published)
            while (true) {
                long g = awaitJob(seen);
                if (g == seen) return; // shut down
                seen = g;
                int from = index * chunk;
                int to = Math.min(n, from + chunk);
                try {
                    if (from < to) body.run(from, to);
                } catch (Throwable t) {
                    if (failure == null) failure = t;
                } finally {
                    chunkDone();
                }
            }
        }

        /** Waits until the generation differs from {@code seen}; returns it ({@code seen} on shutdown). */
        private long awaitJob(long seen) {
            long start = System.nanoTime();
            for (int spins = 1; ; spins++) {
                long g = generation;
                if (g != seen) return g;
                if (shutdown) return seen;
                if (System.nanoTime() - start < SPIN_NANOS) {
                    spinOnce(spins);
                } else {
                    parked = true;
                    if (generation == seen && !shutdown) LockSupport.park(this);
                    parked = false;
                }
            }
        }
    }
}
