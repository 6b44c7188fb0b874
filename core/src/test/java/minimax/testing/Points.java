package minimax.testing;

import minimax.tensor.Rng;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * Seeded float64 check points for {@link GradCheck}: values that are distinct (no ties for max)
 * and, where asked, away from kinks and poles, so that central differences are valid.
 */
public final class Points {
    private Points() {}

    /** Uniform values in {@code [-1, 1)}: distinct with probability one. */
    public static Tensor uniform(long seed, int... shape) {
        return between(seed, -1, 1, shape);
    }

    /** Uniform values in {@code [low, high)}. */
    public static Tensor between(long seed, double low, double high, int... shape) {
        Rng rng = new Rng(seed);
        double[] v = new double[Shapes.size(shape)];
        for (int i = 0; i < v.length; i++) v[i] = low + (high - low) * rng.nextDouble();
        return Tensor.of(v, shape);
    }

    /** Positive values in {@code [0.5, 2)}, for log, sqrt, reciprocal, fractional powers and divisors. */
    public static Tensor positive(long seed, int... shape) {
        return between(seed, 0.5, 2, shape);
    }

    /** Values with {@code |x|} in {@code [gap, gap + 1)} and random signs: away from a kink at 0. */
    public static Tensor awayFromZero(long seed, double gap, int... shape) {
        Rng rng = new Rng(seed);
        double[] v = new double[Shapes.size(shape)];
        for (int i = 0; i < v.length; i++) v[i] = (rng.nextDouble() < 0.5 ? -1 : 1) * (gap + rng.nextDouble());
        return Tensor.of(v, shape);
    }
}
