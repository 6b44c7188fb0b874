package minimax.gan;

import minimax.tensor.Rng;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * Where the discriminator's real batches come from. {@code draw} numbers the batches of a run
 * (0, 1, 2, … across all discriminator steps), so a source that derives its batch from
 * {@code draw} alone gives a resumed run exactly the batches of an uninterrupted one.
 */
@FunctionalInterface
public interface RealSamples {
    /** Batch number {@code draw}: {@code n} real samples {@code [n, ...]}. */
    Tensor batch(long draw, int n);

    /**
     * Uniform draws with replacement from the rows of {@code data} {@code [rows, ...]} (not
     * modified, not copied): batch {@code draw} uses the generator {@code mix(seed, draw)}.
     */
    static RealSamples of(Tensor data, long seed) {
        if (data.rank() < 2 || data.dim(0) == 0) {
            throw new IllegalArgumentException("real data must be a batch of samples [rows, ...] with at least one row, got shape " + Shapes.str(data.shape()));
        }
        int rows = data.dim(0);
        return (draw, n) -> {
            Rng rng = new Rng(Rng.mix(seed, draw));
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = rng.nextInt(rows);
            return data.rows(idx);
        };
    }
}
