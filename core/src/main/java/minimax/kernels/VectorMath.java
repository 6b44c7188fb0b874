package minimax.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath}'s functions on the Vector API, operation for operation, so results are
 * bit-identical to the scalar ones. A vector with any lane outside the fast path's range (or NaN)
 * is handled by the scalar function. Only {@link Elementwise} calls this class, after checking
 * {@link VectorSupport#ENABLED}.
 */
final class VectorMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorMath() {}

    // exp's operation sequence is written out in each loop below, and the range check too, rather
    // than called: C2 boxes the vectors passed to or returned from a helper that it does not inline
    // (when the helper was compiled on its own first, or judged too large at that call site), and the
    // loop then runs about 10× slower and allocates. Measured: W1's step at batch 1,024 took 400–900
    // µs instead of ~280 and allocated 0.4–1.6 MB, in 5 of 6 fresh JVMs, with exp in a helper.

    /** {@code out[i] = e^in[i]} for {@code from ≤ i < to}. */
    static void exp(float[] in, float[] out, int from, int to) {
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, in, i);
            if (x.compare(VectorOperators.GE, FloatMath.FAST_MIN).and(x.compare(VectorOperators.LE, FloatMath.FAST_MAX)).allTrue()) {
                // FloatMath.exp step by step; two roundings (multiply, then add), not one fused multiply-add
                FloatVector shifted = x.mul(FloatMath.LOG2E).add(FloatMath.ROUNDER);
                FloatVector n = shifted.sub(FloatMath.ROUNDER);
                FloatVector r = n.fma(FloatVector.broadcast(S, -FloatMath.LN2_HIGH), x);
                r = n.fma(FloatVector.broadcast(S, FloatMath.LN2_LOW_NEG), r);
                FloatVector p = r.fma(FloatMath.P0, FloatMath.P1);
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P2));
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P3));
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P4));
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P5));
                FloatVector y = p.fma(r.mul(r), r).add(1f);
                // the low bits of ROUNDER + n hold the integer n (a float→int conversion is not intrinsic
                // in JDK 17's Vector API); 2^n has the bits (n + 127)·2²³
                FloatVector scale = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(FloatMath.ROUNDER))
                        .add(127).mul(1 << 23).reinterpretAsFloats();
                y.mul(scale).intoArray(out, i);
            } else {
                for (int j = i; j < i + S.length(); j++) out[j] = FloatMath.exp(in[j]);
            }
        }
        for (; i < to; i++) out[i] = FloatMath.exp(in[i]);
    }

    /** {@code out[i] = 1 / (1 + e^−in[i])} for {@code from ≤ i < to}: e = e^−|x| as in {@link #exp}, then one division. */
    static void sigmoid(float[] in, float[] out, int from, int to) {
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, in, i);
            FloatVector minusAbs = x.abs().neg();
            if (minusAbs.compare(VectorOperators.GE, FloatMath.FAST_MIN).allTrue()) { // −|x| ≤ 0 < FAST_MAX; NaN fails the test
                FloatVector shifted = minusAbs.mul(FloatMath.LOG2E).add(FloatMath.ROUNDER);
                FloatVector n = shifted.sub(FloatMath.ROUNDER);
                FloatVector r = n.fma(FloatVector.broadcast(S, -FloatMath.LN2_HIGH), minusAbs);
                r = n.fma(FloatVector.broadcast(S, FloatMath.LN2_LOW_NEG), r);
                FloatVector p = r.fma(FloatMath.P0, FloatMath.P1);
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P2));
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P3));
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P4));
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P5));
                FloatVector y = p.fma(r.mul(r), r).add(1f);
                FloatVector scale = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(FloatMath.ROUNDER))
                        .add(127).mul(1 << 23).reinterpretAsFloats();
                FloatVector e = y.mul(scale);
                FloatVector d = e.add(1f);
                VectorMask<Float> negative = x.compare(VectorOperators.GE, 0f).not();
                // 1/d for x ≥ 0, e/d below: one division per lane
                FloatVector.broadcast(S, 1f).blend(e, negative).div(d).intoArray(out, i);
            } else {
                for (int j = i; j < i + S.length(); j++) out[j] = FloatMath.sigmoid(in[j]);
            }
        }
        for (; i < to; i++) out[i] = FloatMath.sigmoid(in[i]);
    }

    /**
     * {@code out[i] = tanh in[i]} for {@code from ≤ i < to}, as {@link FloatMath#tanh}: both of its
     * branches on every lane (exp of 2|x| as in {@link #exp}), the one for |x| chosen by a blend, then
     * x's sign bit. Lanes with |x| > 44 (2|x| past exp's fast range) or NaN send the vector to the scalar function.
     */
    static void tanh(float[] in, float[] out, int from, int to) {
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, in, i);
            FloatVector a = x.abs();
            if (a.compare(VectorOperators.LE, FloatMath.FAST_MAX / 2).allTrue()) { // NaN fails the test
                FloatVector twice = a.add(a);
                FloatVector shifted = twice.mul(FloatMath.LOG2E).add(FloatMath.ROUNDER);
                FloatVector n = shifted.sub(FloatMath.ROUNDER);
                FloatVector r = n.fma(FloatVector.broadcast(S, -FloatMath.LN2_HIGH), twice);
                r = n.fma(FloatVector.broadcast(S, FloatMath.LN2_LOW_NEG), r);
                FloatVector p = r.fma(FloatMath.P0, FloatMath.P1);
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P2));
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P3));
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P4));
                p = p.fma(r, FloatVector.broadcast(S, FloatMath.P5));
                FloatVector y = p.fma(r.mul(r), r).add(1f);
                FloatVector scale = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(FloatMath.ROUNDER))
                        .add(127).mul(1 << 23).reinterpretAsFloats();
                FloatVector e = y.mul(scale);
                FloatVector large = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(e.add(1f)));
                FloatVector z = a.mul(a);
                FloatVector q = z.fma(FloatMath.T0, FloatMath.T1);
                q = q.fma(z, FloatVector.broadcast(S, FloatMath.T2));
                q = q.fma(z, FloatVector.broadcast(S, FloatMath.T3));
                q = q.fma(z, FloatVector.broadcast(S, FloatMath.T4));
                FloatVector small = q.mul(z).fma(a, a);
                FloatVector t = small.blend(large, a.compare(VectorOperators.GT, FloatMath.TANH_SMALL));
                // Math.copySign(t, x): t's sign bit is clear, so OR in x's
                t.reinterpretAsInts().or(x.reinterpretAsInts().and(Integer.MIN_VALUE)).reinterpretAsFloats().intoArray(out, i);
            } else {
                for (int j = i; j < i + S.length(); j++) out[j] = FloatMath.tanh(in[j]);
            }
        }
        for (; i < to; i++) out[i] = FloatMath.tanh(in[i]);
    }

    /** The relu of whole vectors of {@code in}; returns how many elements were done (the rest is the caller's). */
    static int relu(float[] in, float[] out, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, in, i);
            zero.blend(x, x.compare(VectorOperators.GT, 0f)).intoArray(out, i);
        }
        return i;
    }

    /** The leaky relu of whole vectors; returns how many elements were done. */
    static int leakyRelu(float[] in, float[] out, int n, float slope) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, in, i);
            x.mul(slope).blend(x, x.compare(VectorOperators.GT, 0f)).intoArray(out, i);
        }
        return i;
    }

    /** {@code x > threshold ? 1 : otherwise} on whole vectors; returns how many elements were done. */
    static int step(float[] in, float[] out, int n, float threshold, float otherwise) {
        FloatVector one = FloatVector.broadcast(S, 1f), other = FloatVector.broadcast(S, otherwise);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, in, i);
            other.blend(one, x.compare(VectorOperators.GT, threshold)).intoArray(out, i);
        }
        return i;
    }

    /** {@code g · (x > 0 ? 1 : slope)} on whole vectors; returns how many elements were done. */
    static int leakyReluGradient(float[] x, float[] g, float[] out, int n, float slope) {
        FloatVector one = FloatVector.broadcast(S, 1f), other = FloatVector.broadcast(S, slope);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector xv = FloatVector.fromArray(S, x, i);
            FloatVector factor = other.blend(one, xv.compare(VectorOperators.GT, 0f));
            FloatVector.fromArray(S, g, i).mul(factor).intoArray(out, i);
        }
        return i;
    }

    /** {@code out[o + j] = a[o + j] + row[j]} on whole vectors of {@code j < n}; returns how many elements were done. */
    static int addRow(float[] a, int o, float[] row, float[] out, int n) {
        int j = 0;
        for (int end = S.loopBound(n); j < end; j += S.length()) {
            FloatVector.fromArray(S, a, o + j).add(FloatVector.fromArray(S, row, j)).intoArray(out, o + j);
        }
        return j;
    }

    /**
     * Checks whole vectors of {@code a} for NaN and ±∞ (x·0 is NaN exactly for those); returns how
     * many leading elements were checked and found finite, or 0 when a vector held a non-finite value
     * (the caller's scalar loop then finds it).
     */
    static int finitePrefix(float[] a) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int end = S.loopBound(a.length); i < end; i += S.length()) acc = acc.add(FloatVector.fromArray(S, a, i).mul(0f));
        return acc.compare(VectorOperators.EQ, 0f).allTrue() ? i : 0;
    }
}
