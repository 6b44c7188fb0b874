package minimax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector loops give exactly the scalar functions' bits, lane by lane, including special values. */
class ElementwiseKernelTest {
    private static float[] inputs() {
        return inputs(20);
    }

    /** Gaussian values of standard deviation {@code spread}, with special values planted in both threads' halves. */
    private static float[] inputs(double spread) {
        SplittableRandom r = new SplittableRandom(4);
        // more than Elementwise.PARALLEL_ELEMENTS, and not a multiple of any vector length: the tail runs too
        float[] x = new float[Elementwise.PARALLEL_ELEMENTS + 10_003];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * spread);
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 88.72f, 88.73f, -87.33f, -87.34f, -100f, -104f, 1e-30f,
            0.625f, Math.nextUp(0.625f), 44f, Math.nextUp(44f), -44.5f, 9.1f, Float.MIN_VALUE, -Float.MIN_VALUE};
        for (int i = 0; i < special.length; i++) {
            x[100 + 17 * i] = special[i];              // in the first thread's half
            x[x.length - 400 + 17 * i] = special[i];   // and in the second's
        }
        return x;
    }

    @Test
    void expLoopEqualsTheScalarFunctionBitForBit() {
        assertTrue(VectorSupport.ENABLED, "the tests run with the Vector API so that its loop is the one checked");
        assertLoopEqualsScalar("exp", Elementwise::exp, FloatMath::exp);
    }

    @Test
    void sigmoidLoopEqualsTheScalarFunctionBitForBit() {
        assertLoopEqualsScalar("sigmoid", Elementwise::sigmoid, FloatMath::sigmoid);
        // spread 60: many lanes beyond ±87, whose vectors take the scalar function
        assertLoopEqualsScalar("sigmoid", Elementwise::sigmoid, FloatMath::sigmoid, inputs(60));
    }

    @Test
    void tanhLoopEqualsTheScalarFunctionBitForBit() {
        // spread 1: most vectors mix lanes of both formulas (|x| on either side of 0.625); spread 20 and 60:
        // mostly saturated, many vectors with a lane beyond |x| = 44, which take the scalar function
        assertLoopEqualsScalar("tanh", Elementwise::tanh, FloatMath::tanh, inputs(1));
        assertLoopEqualsScalar("tanh", Elementwise::tanh, FloatMath::tanh, inputs(20));
        assertLoopEqualsScalar("tanh", Elementwise::tanh, FloatMath::tanh, inputs(60));
    }

    private interface ArrayLoop {
        void apply(float[] in, float[] out, int n);
    }

    private interface ScalarFunction {
        float apply(float x);
    }

    /** The loop over {@link #inputs()} on one thread and split over two (at a boundary off the vector length) equals the scalar function. */
    private static void assertLoopEqualsScalar(String name, ArrayLoop loop, ScalarFunction scalar) {
        assertLoopEqualsScalar(name, loop, scalar, inputs());
    }

    private static void assertLoopEqualsScalar(String name, ArrayLoop loop, ScalarFunction scalar, float[] x) {
        float[] expected = new float[x.length];
        for (int i = 0; i < x.length; i++) expected[i] = scalar.apply(x[i]);
        KernelChecks.onOneAndTwoThreads(threads -> {
            float[] out = new float[x.length];
            loop.apply(x, out, x.length);
            KernelChecks.assertSameBits(expected, out, () -> name + " on " + threads + " thread(s)");
        });
    }

    @Test
    void outMayBeIn() {
        float[] x = {0f, 1f, -1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f};
        float[] expected = new float[x.length];
        for (int i = 0; i < x.length; i++) expected[i] = FloatMath.exp(x[i]);
        Elementwise.exp(x, x, x.length);
        for (int i = 0; i < x.length; i++) assertEquals(expected[i], x[i]);
    }

    @Test
    void reluLeakyReluAndStepEqualTheirBranchingDefinitionsBitForBit() {
        float[] x = inputs(), out = new float[x.length];
        Elementwise.relu(x, out, x.length);
        for (int i = 0; i < x.length; i++) assertEquals(Float.floatToRawIntBits(x[i] > 0f ? x[i] : 0f), Float.floatToRawIntBits(out[i]), "relu(" + x[i] + ")");
        for (float slope : new float[] {0.2f, 0.3f, 0f, 1.5f, -0.5f}) {
            Elementwise.leakyRelu(x, out, x.length, slope);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Float.floatToRawIntBits(x[i] > 0f ? x[i] : slope * x[i]), Float.floatToRawIntBits(out[i]), "leaky(" + x[i] + ", " + slope + ")");
            }
        }
        for (float threshold : new float[] {0f, -1.5f, 3f}) {
            Elementwise.step(x, out, x.length, threshold, 0.25f);
            for (int i = 0; i < x.length; i++) assertEquals(x[i] > threshold ? 1f : 0.25f, out[i], "step(" + x[i] + ")");
        }
        for (int n = 0; n < 40; n++) { // every tail length, and n = 0
            float[] small = java.util.Arrays.copyOf(x, n), o = new float[n + 1];
            o[n] = 42f;
            Elementwise.relu(small, o, n);
            for (int i = 0; i < n; i++) assertEquals(small[i] > 0f ? small[i] : 0f, o[i]);
            assertEquals(42f, o[n], "writes no further than n");
        }
    }

    @Test
    void allFiniteFindsOneNonFiniteValueAnywhere() {
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int n = 0; n <= 40; n++) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) a[i] = (i % 3 == 0 ? -1e38f : 1e-45f * i); // large and tiny finite values, ±0
            assertTrue(Elementwise.allFinite(a), "all finite, length " + n);
            for (int at = 0; at < n; at++) {
                for (float v : bad) {
                    float keep = a[at];
                    a[at] = v;
                    assertEquals(false, Elementwise.allFinite(a), v + " at " + at + " of " + n);
                    a[at] = keep;
                }
            }
        }
    }

    @Test
    void leakyReluGradientAndAddRowEqualTheirScalarDefinitions() {
        float[] x = inputs(), g = inputs(), out = new float[x.length];
        for (int i = 0; i < g.length; i++) g[i] = g[(i * 7919) % g.length] * 0.5f;
        Elementwise.leakyReluGradient(x, g, out, x.length, 0.2f);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToIntBits(g[i] * (x[i] > 0f ? 1f : 0.2f)), Float.floatToIntBits(out[i]), "at " + i);
        }
        int rows = 7, n = 37;
        float[] c = new float[rows * n], row = new float[n], expected = new float[rows * n];
        for (int i = 0; i < c.length; i++) c[i] = x[i];
        for (int j = 0; j < n; j++) row[j] = x[1000 + j];
        for (int i = 0; i < c.length; i++) expected[i] = c[i] + row[i % n];
        for (int r = 0; r < rows; r++) Elementwise.addRow(c, r * n, row, c, n);
        for (int i = 0; i < c.length; i++) assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(c[i]), "at " + i);
    }
}
