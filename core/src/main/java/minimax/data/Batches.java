package minimax.data;

import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/**
 * Seeded, resumable mini-batches over the rows of a dataset {@code [n, ...]}.
 *
 * <p>Each epoch visits every row once, in an order shuffled by a generator seeded from
 * {@code (seed, epoch)} alone. The epoch orders are laid end to end, and global step {@code s}
 * with batch size {@code b} takes positions {@code s·b .. s·b + b − 1} of that sequence; a batch may
 * therefore straddle two epochs. Because a batch depends only on {@code (seed, s, b)}, training
 * resumed at step {@code s} sees exactly the batches it would have seen without stopping.
 *
 * <pre>{@code
 * Batches batches = new Batches(train.images(), 42);
 * for (long step = start; step < steps; step++) {
 *     Tensor x = batches.batch(step, 64);   // [64, 784]
 * }
 * }</pre>
 *
 * <p>Thread-safe. The most recent epoch order is cached, so stepping forward costs one shuffle
 * per epoch.
 */
public final class Batches {
    private final Tensor data;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] cachedOrder;

    /**
     * @param data  the dataset, rank ≥ 1, rows along axis 0 (not copied and not modified)
     * @param seed  fixes every epoch's order
     */
    public Batches(Tensor data, long seed) {
        if (data.rank() < 1) throw new IllegalArgumentException("Batches needs a dataset of rank >= 1 with rows along axis 0, got a scalar");
        this.data = data;
        this.seed = seed;
    }

    /** The number of rows {@code n}. */
    public int rowCount() {
        return data.dim(0);
    }

    /**
     * The rows of global step {@code step}: {@code data.rows(indices(step, batchSize))}.
     *
     * @return a new tensor {@code [batchSize, ...]}
     */
    public Tensor batch(long step, int batchSize) {
        return data.rows(indices(step, batchSize));
    }

    /**
     * The row indices of global step {@code step}: positions {@code step·batchSize + i},
     * {@code i < batchSize}, each in epoch {@code position / n} at place {@code position mod n} of
     * that epoch's {@link #epochOrder}.
     *
     * @param step       {@code ≥ 0}
     * @param batchSize  {@code ≥ 1}; larger than {@code n} is allowed (the batch spans epochs)
     */
    public int[] indices(long step, int batchSize) {
        int n = rowCount();
        if (n == 0) throw new IllegalStateException("Batches over an empty dataset (0 rows) have no batches");
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        long first = Math.multiplyExact(step, (long) batchSize);
        int[] indices = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            long position = first + i;
            indices[i] = order(position / n)[(int) (position % n)];
        }
        return indices;
    }

    /**
     * Epoch {@code epoch}'s order of the rows: a permutation of {@code 0..n−1} that depends only on
     * the seed and {@code epoch}.
     *
     * @return a new array (callers may modify it)
     */
    public int[] epochOrder(long epoch) {
        if (epoch < 0) throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        return order(epoch).clone();
    }

    /** The cached order of {@code epoch}, shuffled anew when another epoch is asked for. */
    private synchronized int[] order(long epoch) {
        if (epoch != cachedEpoch) {
            int[] order = new int[rowCount()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            new Rng(epochSeed(seed, epoch)).shuffle(order);
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }

    /** Hashes (seed, epoch) with SplitMix64's finaliser so that neighbouring epochs get unrelated generators. */
    static long epochSeed(long seed, long epoch) {
        return mix(seed ^ mix(epoch + 0x9E3779B97F4A7C15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
