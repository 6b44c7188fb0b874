package minimax.kernels;

/**
 * Float-precision elementary functions, faster than {@link Math}'s double-precision ones on this
 * path and deterministic: only IEEE-exact operations (add, multiply, fused multiply-add, bit
 * moves), so every JVM, JIT tier and thread count gives the same bits. (The Vector API's EXP is
 * not used for that reason: interpreted and compiled code may differ in the last bit.)
 */
public final class FloatMath {
    private FloatMath() {}

    /**
     * {@code e^x} within about 1 ulp (measured maximum 1.01 ulp against {@code (float) Math.exp(x)}).
     * Cody–Waite reduction {@code x = n·ln2 + r}, |r| ≤ ln2/2, a degree-7 polynomial for
     * {@code e^r} (Cephes {@code expf} coefficients), then scaling by {@code 2^n} through the
     * exponent bits. Overflow gives +∞, underflow 0 (through the subnormals), NaN stays NaN.
     */
    public static float exp(float x) {
        if (!(x < 88.72284f)) return x != x ? x : Float.POSITIVE_INFINITY; // also NaN
        if (x < -103.97208f) return 0f;
        float n = Math.round(x * 1.44269504088896341f);
        float r = Math.fma(n, -0.693359375f, x);      // ln 2 = 0.693359375 − 2.12194440e-4, the first part exact
        r = Math.fma(n, 2.12194440e-4f, r);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(1.9875691500E-4f, r, 1.3981999507E-3f), r, 8.3334519073E-3f), r,
                4.1665795894E-2f), r, 1.6666665459E-1f), r, 5.0000001201E-1f);
        float y = Math.fma(p, r * r, r) + 1f;
        int e = (int) n;
        if (e < -126) return y * Float.intBitsToFloat((e + 127 + 64) << 23) * 5.421010862427522E-20f; // 2^(e+64)·2^-64
        if (e > 127) return y * 2f * Float.intBitsToFloat((e - 1 + 127) << 23);
        return y * Float.intBitsToFloat((e + 127) << 23);
    }

    /**
     * {@code 1 / (1 + e^−x)} with {@link #exp}, as {@code e^x / (1 + e^x)} for negative x so that a
     * large {@code e^−x} does not swallow the 1 (within 3 ulp everywhere).
     */
    public static float sigmoid(float x) {
        if (x >= 0f) return 1f / (1f + exp(-x));
        float e = exp(x);
        return e / (1f + e);
    }
}
