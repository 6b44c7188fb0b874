package minimax.kernels;

/**
 * Float-precision elementary functions, faster than {@link Math}'s double-precision ones and
 * deterministic: only IEEE-exact operations (add, multiply, fused multiply-add, exact conversions,
 * bit moves), so every JVM, JIT tier and thread count gives the same bits. The Vector API's own
 * {@code EXP} is not used for that reason: interpreted and compiled code may differ in the last
 * bit. {@link VectorMath} runs the very same operation sequence on vectors, so an element gets the
 * same bits whether it lands in a vector lane or in a scalar tail.
 */
public final class FloatMath {
    /** 1.5·2²³: adding and subtracting it rounds a float of magnitude below 2²² to the nearest integer (ties to even). */
    static final float ROUNDER = 12582912f;
    static final float LOG2E = 1.44269504088896341f;
    /** ln 2 = LN2_HIGH − LN2_LOW_NEG; LN2_HIGH has few bits, so n·LN2_HIGH is exact (Cody–Waite). */
    static final float LN2_HIGH = 0.693359375f;
    static final float LN2_LOW_NEG = 2.12194440e-4f;
    static final float P0 = 1.9875691500E-4f, P1 = 1.3981999507E-3f, P2 = 8.3334519073E-3f,
            P3 = 4.1665795894E-2f, P4 = 1.6666665459E-1f, P5 = 5.0000001201E-1f; // Cephes expf
    /** Inputs within [FAST_MIN, FAST_MAX] have a scale 2^n with a normal exponent: one multiply finishes them. */
    static final float FAST_MAX = 88f;
    static final float FAST_MIN = -87f;

    /** tanh switches from its polynomial to {@code 1 − 2/(e^2|x| + 1)} above this |x| (Cephes {@code tanhf}). */
    static final float TANH_SMALL = 0.625f;
    /** tanh's polynomial in x² for |x| ≤ {@link #TANH_SMALL} (Cephes {@code tanhf}): tanh x = x + x·x²·T(x²). */
    static final float T0 = -5.70498872745E-3f, T1 = 2.06390887954E-2f, T2 = -5.37397155531E-2f,
            T3 = 1.33314422036E-1f, T4 = -3.33332819422E-1f;

    private FloatMath() {}

    /**
     * {@code e^x} within about 1 ulp (measured maximum 1.01 ulp against the exact value).
     * Cody–Waite reduction {@code x = n·ln2 + r}, |r| ≤ ln2/2, a polynomial for {@code e^r}
     * (Cephes {@code expf} coefficients), then scaling by {@code 2^n} through the exponent bits
     * (in two steps near overflow and in the subnormal range). Overflow gives +∞, underflow 0,
     * NaN stays NaN.
     */
    public static float exp(float x) {
        if (x != x) return x;
        if (x > 88.72284f) return Float.POSITIVE_INFINITY;
        if (x < -103.97209f) return 0f;
        float n = (x * LOG2E + ROUNDER) - ROUNDER;
        float y = expReduced(x, n);
        int e = (int) n;
        if (e >= -126 && e <= 127) return y * Float.intBitsToFloat((e + 127) << 23);
        int half = e / 2;
        return y * Float.intBitsToFloat((half + 127) << 23) * Float.intBitsToFloat((e - half + 127) << 23);
    }

    /** e^r for r = x − n·ln2, by Cody–Waite and the polynomial; {@link VectorMath} mirrors each step. */
    private static float expReduced(float x, float n) {
        float r = Math.fma(n, -LN2_HIGH, x);
        r = Math.fma(n, LN2_LOW_NEG, r);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(P0, r, P1), r, P2), r, P3), r, P4), r, P5);
        return Math.fma(p, r * r, r) + 1f;
    }

    /**
     * {@code 1 / (1 + e^−x)}, computed as {@code 1/(1+e)} for x ≥ 0 and {@code e/(1+e)} for x < 0
     * with {@code e = e^−|x|}, so that a large exponential never swallows the 1 (within 3 ulp).
     */
    public static float sigmoid(float x) {
        float e = exp(-Math.abs(x));
        float d = 1f + e;
        return x >= 0f ? 1f / d : e / d;
    }

    /**
     * {@code tanh x} within 1.34 ulp (measured on every float: at most 1.3303 ulp, at 0.62830955), computed on a = |x| and given x's sign: for a ≤ 0.625 the
     * Cephes polynomial {@code a + a·a²·T(a²)} (no cancellation near 0), above it
     * {@code 1 − 2/(e^2a + 1)} with {@link #exp} (which is +∞ past a ≈ 44.4, giving exactly 1).
     * tanh(−0) is −0 and NaN stays NaN.
     */
    public static float tanh(float x) {
        float a = Math.abs(x);
        float t;
        if (a > TANH_SMALL) {
            t = 1f - 2f / (exp(a + a) + 1f);
        } else {
            float z = a * a;
            float p = Math.fma(Math.fma(Math.fma(Math.fma(T0, z, T1), z, T2), z, T3), z, T4);
            t = Math.fma(p * z, a, a);
        }
        return Math.copySign(t, x);
    }
}
