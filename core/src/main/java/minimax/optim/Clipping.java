package minimax.optim;

/**
 * Gradient clipping as Keras 3 does it, in place on float32 arrays the optimizer owns.
 *
 * <p>Norms: the sum of squares accumulates in double in index order and its square root is taken
 * in double, then rounded once to float32 (Keras sums in float32 in an order its backend picks).
 * Everything after that is float32 in the order written, as in Keras.
 */
final class Clipping {
    private Clipping() {}

    /** {@code g ← g·clip / max(‖g‖, clip)}: unchanged if its norm is at most {@code clip}, up to rounding. */
    static void byNorm(float[] g, float clip) {
        float denominator = Math.max(norm(g), clip);
        for (int k = 0; k < g.length; k++) g[k] = g[k] * clip / denominator;
    }

    /**
     * {@code g_i ← g_i·scale} for every i, {@code scale = clip·min(1/norm, 1/clip)} with
     * {@code norm = √(Σ_i ‖g_i‖²)}. Keras also adds {@code norm − norm} to turn a non-finite norm
     * into NaN; non-finite gradients are refused before clipping here, so that term is left out.
     */
    static void byGlobalNorm(float[][] gs, double clip) {
        double sum = 0;
        for (float[] g : gs) sum += sumOfSquares(g);
        float norm = (float) Math.sqrt(sum);
        // 1.0 / clip is a double in Keras (Python), cast to float32 when it meets the tensor
        float scale = (float) clip * Math.min(1f / norm, (float) (1.0 / clip));
        for (float[] g : gs) for (int k = 0; k < g.length; k++) g[k] *= scale;
    }

    /** {@code g ← min(max(g, −clip), clip)} element by element. */
    static void byValue(float[] g, float clip) {
        for (int k = 0; k < g.length; k++) g[k] = Math.min(Math.max(g[k], -clip), clip);
    }

    /** The L2 norm, see the class comment for its rounding. */
    static float norm(float[] g) {
        return (float) Math.sqrt(sumOfSquares(g));
    }

    private static double sumOfSquares(float[] g) {
        double s = 0;
        for (float x : g) s += (double) x * x;
        return s;
    }
}
