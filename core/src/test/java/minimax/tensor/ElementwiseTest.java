package minimax.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hand-known values of every element-wise op, in float32 and float64. Transcendental constants
 * were printed by Python's {@code math} module (e.g. {@code math.tanh(0.5)}), an implementation
 * independent of the JDK's.
 */
class ElementwiseTest {
    private static final double[] X = {-2, -0.5, 0, 0.5, 2};
    private static final double[] P = {0.25, 1, 4};

    private static DynamicTest both(String name, double[] in, UnaryOperator<Tensor> op, double... expected) {
        return DynamicTest.dynamicTest(name, () -> {
            Tensor out64 = op.apply(Tensor.of(in, in.length));
            assertEquals(DType.FLOAT64, out64.dtype(), name);
            assertClose(expected, out64.toDoubleArray(), 1e-15, name + " float64");
            float[] in32 = new float[in.length];
            for (int i = 0; i < in.length; i++) in32[i] = (float) in[i];
            Tensor out32 = op.apply(Tensor.of(in32, in.length));
            assertEquals(DType.FLOAT32, out32.dtype(), name);
            assertClose(expected, out32.toDoubleArray(), 1.2e-7, name + " float32"); // one float ulp
        });
    }

    static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double bound = relative * Math.abs(expected[i]) + 1e-300;
            if (!(Math.abs(expected[i] - actual[i]) <= bound)) {
                throw new AssertionError(what + ": element " + i + " expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> unaryOps() {
        return Stream.of(
                both("neg", X, Tensor::neg, 2, 0.5, 0, -0.5, -2),
                both("exp", X, Tensor::exp, 0.1353352832366127, 0.6065306597126334, 1, 1.6487212707001282, 7.38905609893065),
                both("log", P, Tensor::log, -1.3862943611198906, 0, 1.3862943611198906),
                both("sqrt", P, Tensor::sqrt, 0.5, 1, 2),
                both("square", X, Tensor::square, 4, 0.25, 0, 0.25, 4),
                both("reciprocal", P, Tensor::reciprocal, 4, 1, 0.25),
                both("abs", X, Tensor::abs, 2, 0.5, 0, 0.5, 2),
                both("sign", X, Tensor::sign, -1, -1, 0, 1, 1),
                both("tanh", X, Tensor::tanh, -0.9640275800758169, -0.46211715726000974, 0, 0.46211715726000974, 0.9640275800758169),
                both("sigmoid", X, Tensor::sigmoid, 0.11920292202211755, 0.3775406687981454, 0.5, 0.6224593312018546, 0.8807970779778823),
                both("relu", X, Tensor::relu, 0, 0, 0, 0.5, 2),
                both("leakyRelu 0.25", X, x -> x.leakyRelu(0.25f), -0.5, -0.125, 0, 0.5, 2),
                both("softplus", X, Tensor::softplus, 0.1269280110429725, 0.4740769841801067, 0.6931471805599453, 0.9740769841801067, 2.1269280110429727),
                both("pow 3", X, x -> x.pow(3f), -8, -0.125, 0, 0.125, 8),
                both("pow 1.5", P, x -> x.pow(1.5f), 0.125, 1, 8),
                both("pow -0.5", P, x -> x.pow(-0.5f), 2, 1, 0.5),
                both("clip -1 1", X, x -> x.clip(-1f, 1f), -1, -0.5, 0, 0.5, 1),
                both("add 1.5", X, x -> x.add(1.5f), -0.5, 1, 1.5, 2, 3.5),
                both("sub 0.5", X, x -> x.sub(0.5f), -2.5, -1, -0.5, 0, 1.5),
                both("mul -2", X, x -> x.mul(-2f), 4, 1, 0, -1, -4),
                both("div 4", X, x -> x.div(4f), -0.5, -0.125, 0, 0.125, 0.5),
                both("div 3", new double[] {3, 6, -9}, x -> x.div(3f), 1, 2, -3),
                both("greater 0", X, x -> x.greater(0f), 0, 0, 0, 1, 1),
                both("less 0", X, x -> x.less(0f), 1, 1, 0, 0, 0));
    }

    @Test
    void softplusIsStableForLargeArguments() {
        Tensor y = Tensor.of(new double[] {-800, 800}, 2).softplus();
        assertArrayEquals(new double[] {0, 800}, y.toDoubleArray());
        Tensor f = Tensor.of(new float[] {-100, 100}, 2).softplus();
        assertTrue(f.isFinite());
        assertEquals(100f, f.get(1));
    }

    @Test
    void clipRejectsReversedBounds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2).clip(1f, -1f));
        assertTrue(e.getMessage().contains("low <= high"), e.getMessage());
    }

    @Test
    void inputsAreNotModified() {
        Tensor x = Tensor.of(new float[] {1, -2, 3}, 3);
        Tensor before = x.copy();
        x.exp();
        x.add(x);
        x.relu();
        assertEquals(before, x);
    }

    @Test
    void nanPropagatesAndIsFiniteSeesIt() {
        Tensor x = Tensor.of(new float[] {-1, 1}, 2).log();
        assertTrue(Float.isNaN(x.get(0)));
        assertTrue(!x.isFinite());
        assertTrue(!Tensor.of(new double[] {1, Double.POSITIVE_INFINITY}, 2).isFinite());
        assertTrue(Tensor.of(new double[] {1, 2}, 2).isFinite());
    }
}
