package minimax.kernels;

/**
 * Element-wise loops over float arrays with {@link FloatMath}'s functions, on the Vector API when
 * it is enabled (same bits either way). {@code out} may be {@code in}. The exponential functions
 * (exp, sigmoid, tanh) split arrays of {@link #PARALLEL_ELEMENTS} or more over {@link Parallel}'s threads (each element
 * is computed alone, so the bits do not depend on the split).
 */
public final class Elementwise {
    /** From this many elements on, exp, sigmoid and tanh run on all of {@link Parallel}'s threads (measured: W1's step at batch 1,024, a 1,024 × 50 sigmoid, 5 % faster on two). */
    static final int PARALLEL_ELEMENTS = 1 << 14;

    private Elementwise() {}

    /** {@code out[i] = e^in[i]} for {@code i < n}. */
    public static void exp(float[] in, float[] out, int n) {
        splitAcrossThreads(in, out, n, Elementwise::expRange);
    }

    /** {@code out[i] = 1 / (1 + e^−in[i])} for {@code i < n}. */
    public static void sigmoid(float[] in, float[] out, int n) {
        splitAcrossThreads(in, out, n, Elementwise::sigmoidRange);
    }

    /** {@code out[i] = tanh in[i]} for {@code i < n} ({@link FloatMath#tanh}). */
    public static void tanh(float[] in, float[] out, int n) {
        splitAcrossThreads(in, out, n, Elementwise::tanhRange);
    }

    /** One element-wise function over {@code [from, to)}. */
    private interface RangeLoop {
        void apply(float[] in, float[] out, int from, int to);
    }

    /** Runs {@code loop} over {@code [0, n)}: alone below {@link #PARALLEL_ELEMENTS}, else split over {@link Parallel}'s threads. */
    private static void splitAcrossThreads(float[] in, float[] out, int n, RangeLoop loop) {
        if (n < PARALLEL_ELEMENTS) loop.apply(in, out, 0, n);
        else Parallel.forRange(n, true, (from, to) -> loop.apply(in, out, from, to));
    }

    private static void expRange(float[] in, float[] out, int from, int to) {
        if (VectorSupport.ENABLED) VectorMath.exp(in, out, from, to);
        else for (int i = from; i < to; i++) out[i] = FloatMath.exp(in[i]);
    }

    private static void sigmoidRange(float[] in, float[] out, int from, int to) {
        if (VectorSupport.ENABLED) VectorMath.sigmoid(in, out, from, to);
        else for (int i = from; i < to; i++) out[i] = FloatMath.sigmoid(in[i]);
    }

    private static void tanhRange(float[] in, float[] out, int from, int to) {
        if (VectorSupport.ENABLED) VectorMath.tanh(in, out, from, to);
        else for (int i = from; i < to; i++) out[i] = FloatMath.tanh(in[i]);
    }

    /** {@code out[i] = in[i] > 0 ? in[i] : 0} (NaN gives 0, as the comparison is false). */
    public static void relu(float[] in, float[] out, int n) {
        int i = VectorSupport.ENABLED ? VectorMath.relu(in, out, n) : 0;
        for (; i < n; i++) out[i] = in[i] > 0f ? in[i] : 0f;
    }

    /** {@code out[i] = in[i] > 0 ? in[i] : slope·in[i]}. */
    public static void leakyRelu(float[] in, float[] out, int n, float slope) {
        int i = VectorSupport.ENABLED ? VectorMath.leakyRelu(in, out, n, slope) : 0;
        for (; i < n; i++) out[i] = in[i] > 0f ? in[i] : slope * in[i];
    }

    /** {@code out[i] = in[i] > threshold ? 1 : otherwise} (a step; NaN gives {@code otherwise}). */
    public static void step(float[] in, float[] out, int n, float threshold, float otherwise) {
        int i = VectorSupport.ENABLED ? VectorMath.step(in, out, n, threshold, otherwise) : 0;
        for (; i < n; i++) out[i] = in[i] > threshold ? 1f : otherwise;
    }

    /**
     * {@code out[i] = g[i] · (x[i] > 0 ? 1 : slope)}: the gradient of a leaky relu (slope 0: relu)
     * in one pass, the same bits as multiplying by a {@link #step} mask.
     */
    public static void leakyReluGradient(float[] x, float[] g, float[] out, int n, float slope) {
        int i = VectorSupport.ENABLED ? VectorMath.leakyReluGradient(x, g, out, n, slope) : 0;
        for (; i < n; i++) out[i] = g[i] * (x[i] > 0f ? 1f : slope);
    }

    /** {@code out[i] = g[i] · (y[i] · (1 − y[i]))}: the gradient of a sigmoid whose output is y, in one pass. */
    public static void sigmoidGradient(float[] y, float[] g, float[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = g[i] * (y[i] * (1f - y[i]));
    }

    /** {@code out[i] = g[i] · (1 − y[i]²)}: the gradient of a tanh whose output is y, in one pass. */
    public static void tanhGradient(float[] y, float[] g, float[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = g[i] * (1f - y[i] * y[i]);
    }

    /**
     * {@code out[o + j] = a[o + j] + row[j]} for {@code j < n}: one row of a batch plus a row vector
     * (a bias); {@code out} may be {@code a}.
     */
    public static void addRow(float[] a, int o, float[] row, float[] out, int n) {
        int j = VectorSupport.ENABLED ? VectorMath.addRow(a, o, row, out, n) : 0;
        for (; j < n; j++) out[o + j] = a[o + j] + row[j];
    }

    /** True if no element of {@code a} is NaN or infinite (a branch-free pass; locate a culprit with a loop only when false). */
    public static boolean allFinite(float[] a) {
        int i = VectorSupport.ENABLED ? VectorMath.finitePrefix(a) : 0;
        float zeroOrNaN = 0f;
        for (; i < a.length; i++) zeroOrNaN += a[i] * 0f; // x·0 is NaN exactly for NaN and ±∞
        return zeroOrNaN == 0f;
    }
}
