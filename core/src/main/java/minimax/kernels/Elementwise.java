package minimax.kernels;

/**
 * Element-wise loops over float arrays with {@link FloatMath}'s functions, on the Vector API when
 * it is enabled (same bits either way). {@code out} may be {@code in}.
 */
public final class Elementwise {
    private Elementwise() {}

    /** {@code out[i] = e^in[i]} for {@code i < n}. */
    public static void exp(float[] in, float[] out, int n) {
        if (VectorSupport.ENABLED) {
            VectorMath.exp(in, out, n);
            return;
        }
        for (int i = 0; i < n; i++) out[i] = FloatMath.exp(in[i]);
    }

    /** {@code out[i] = 1 / (1 + e^−in[i])} for {@code i < n}. */
    public static void sigmoid(float[] in, float[] out, int n) {
        if (VectorSupport.ENABLED) {
            VectorMath.sigmoid(in, out, n);
            return;
        }
        for (int i = 0; i < n; i++) out[i] = FloatMath.sigmoid(in[i]);
    }
}
