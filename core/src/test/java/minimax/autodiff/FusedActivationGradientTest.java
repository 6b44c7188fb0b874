package minimax.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import minimax.tensor.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;

/**
 * First-order gradients of activations are computed by fused one-pass kernels ({@code g · f'}), while
 * gradients that will be differentiated again are composed from recorded primitives: both must give
 * the same bits, for floats and doubles, special values included.
 */
class FusedActivationGradientTest {
    private static final List<String> ACTIVATIONS = List.of("relu", "leaky_relu", "sigmoid", "tanh");

    private static UnaryOperator<Value> activation(String name, float alpha) {
        switch (name) {
            case "relu": return Value::relu;
            case "leaky_relu": return v -> v.leakyRelu(alpha);
            case "sigmoid": return Value::sigmoid;
            case "tanh": return Value::tanh;
            default: throw new AssertionError(name);
        }
    }

    /** ∂/∂x Σ f(x)·w, fused (first order) and composed (with a graph). */
    private static Tensor[] bothWays(UnaryOperator<Value> f, Tensor x, Tensor w) {
        Value leaf = Value.leaf(x);
        Value target = f.apply(leaf).mul(w).sum();
        Tensor fused = Gradients.of(target, List.of(leaf)).get(0);
        Tensor composed = Gradients.graph(target, List.of(leaf)).get(0).data();
        return new Tensor[] {fused, composed};
    }

    @Provide
    Arbitrary<float[]> values() {
        Arbitrary<Float> special = Arbitraries.of(0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MIN_VALUE, -Float.MIN_VALUE, 1e30f, -1e30f, 88.8f, -104f);
        Arbitrary<Float> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.floats().between(-12f, 12f)),
                net.jqwik.api.Tuple.of(2, special));
        return any.array(float[].class).ofMinSize(0).ofMaxSize(70); // crosses whole vectors and the tail
    }

    @Property(tries = 200)
    void fusedEqualsComposedBitForBit(@ForAll("values") float[] xs, @ForAll("values") float[] ws,
                                      @ForAll @FloatRange(min = 0f, max = 1f) float alpha) {
        int n = Math.min(xs.length, ws.length);
        Tensor x = Tensor.of(java.util.Arrays.copyOf(xs, n), n);
        Tensor w = Tensor.of(java.util.Arrays.copyOf(ws, n), n);
        for (String name : ACTIVATIONS) {
            Tensor[] both = bothWays(activation(name, alpha), x, w);
            assertArrayEquals(bits(both[1].toArray()), bits(both[0].toArray()), name + " x=" + x + " w=" + w);
            Tensor[] both64 = bothWays(activation(name, alpha), x.toFloat64(), w.toFloat64());
            assertArrayEquals(both64[1].toDoubleArray(), both64[0].toDoubleArray(), 0.0, name + " (float64)");
        }
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToIntBits(a[i]);
        return b;
    }

    @Test
    void fusedGradientsHaveTheHandDerivedValues() {
        Tensor x = Tensor.of(new float[] {-2f, 0f, 3f}, 3);
        Tensor g = Tensor.of(new float[] {1f, 1f, 2f}, 3);
        assertArrayEquals(new float[] {0.1f, 0.1f, 2f}, g.timesLeakyReluSlope(x, 0.1f).toArray());
        assertArrayEquals(new float[] {0f, 0f, 2f}, g.timesLeakyReluSlope(x, 0f).toArray());
        Tensor y = Tensor.of(new float[] {0.5f, 0.25f, -0.5f}, 3);
        assertArrayEquals(new float[] {0.25f, 0.1875f, -1.5f}, g.timesSigmoidSlope(y).toArray());   // y(1−y)·g
        assertArrayEquals(new float[] {0.75f, 0.9375f, 1.5f}, g.timesTanhSlope(y).toArray());       // (1−y²)·g
    }

    @Test
    void fusedProductsRefuseMismatchedShapes() {
        Tensor a = Tensor.of(new float[] {1f, 2f}, 2);
        Tensor b = Tensor.of(new float[] {1f, 2f, 3f}, 3);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> a.timesSigmoidSlope(b));
        assertEquals("timesSigmoidSlope needs two tensors of one type and shape, got FLOAT32 [2] and FLOAT32 [3]", e.getMessage());
    }
}
