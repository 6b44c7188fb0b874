package minimax.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every optimizer finds the minimum of a parabola, and the maximum of its negation; two find Rosenbrock's valley floor. */
class ConvergenceTest {
    private static final Tensor CENTER = Tensor.of(new float[] {1.5f, -2f, 0.25f}, 3);

    static List<Object[]> optimizers() {
        return List.of(
                new Object[] {"sgd", (Supplier<Optimizer>) () -> new SGD(0.1), 200, 1e-4},
                new Object[] {"sgd momentum", (Supplier<Optimizer>) () -> new SGD(0.05, 0.9, false), 300, 1e-4},
                new Object[] {"sgd nesterov", (Supplier<Optimizer>) () -> new SGD(0.05, 0.9, true), 300, 1e-4},
                new Object[] {"adam", (Supplier<Optimizer>) () -> new Adam(0.05), 600, 1e-3},
                new Object[] {"adam amsgrad", (Supplier<Optimizer>) () -> new Adam(0.05, 0.9, 0.999, 1e-7, true), 600, 1e-3},
                new Object[] {"adamw", (Supplier<Optimizer>) () -> new AdamW(0.05, 1e-4), 600, 2e-3},
                new Object[] {"rmsprop", (Supplier<Optimizer>) () -> new RMSprop(0.01), 800, 2e-2},
                new Object[] {"rmsprop centered momentum", (Supplier<Optimizer>) () -> new RMSprop(0.01, 0.9, 0.5, 1e-7, true), 800, 2e-2},
                new Object[] {"adagrad", (Supplier<Optimizer>) () -> new Adagrad(0.5), 400, 1e-3},
                new Object[] {"optimistic sgd", (Supplier<Optimizer>) () -> new OptimisticSGD(0.1), 200, 1e-4});
    }

    /** Runs {@code steps} updates on f(w) = sign·Σ(w − c)², from w0 = 0, and returns w. */
    private static Tensor run(Optimizer o, int steps, float sign) {
        Variable w = Variable.of("w", Tensor.zeros(3));
        for (int t = 0; t < steps; t++) {
            Value f = Value.of(w).sub(CENTER).square().sum().mul(sign);
            o.apply(Gradients.of(f, List.of(Value.of(w))), List.of(w));
        }
        return w.value();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void minimizesAParabola(String name, Supplier<Optimizer> make, int steps, double tolerance) {
        float[] w = run(make.get(), steps, 1f).toArray();
        for (int k = 0; k < 3; k++) assertEquals(CENTER.getFlat(k), w[k], tolerance, name + " element " + k);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void maximizesTheNegatedParabola(String name, Supplier<Optimizer> make, int steps, double tolerance) {
        Optimizer o = make.get().maximize();
        float[] w = run(o, steps, -1f).toArray();
        for (int k = 0; k < 3; k++) assertEquals(CENTER.getFlat(k), w[k], tolerance, name + " element " + k);
    }

    /** f(x, y) = (1 − x)² + 100·(y − x²)², from (−1.2, 1); minimum at (1, 1) at the end of a curved valley. */
    private static float[] rosenbrock(Optimizer o, int steps) {
        Variable p = Variable.of("p", Tensor.of(new float[] {-1.2f, 1f}, 2));
        float[] g = new float[2];
        for (int t = 0; t < steps; t++) {
            float[] xy = p.value().floatData();
            double x = xy[0], y = xy[1];
            g[0] = (float) (-2 * (1 - x) - 400 * x * (y - x * x));
            g[1] = (float) (200 * (y - x * x));
            o.apply(List.of(Tensor.of(g, 2)), List.of(p));
        }
        return p.value().toArray();
    }

    @Test
    void adamReachesRosenbrockMinimum() {
        float[] p = rosenbrock(new Adam(0.02), 4000);
        assertEquals(1, p[0], 0.02);
        assertEquals(1, p[1], 0.04);
    }

    @Test
    void sgdWithMomentumReachesRosenbrockMinimum() {
        float[] p = rosenbrock(new SGD(1e-3, 0.9, false), 6000);
        assertEquals(1, p[0], 0.02);
        assertEquals(1, p[1], 0.04);
    }
}
