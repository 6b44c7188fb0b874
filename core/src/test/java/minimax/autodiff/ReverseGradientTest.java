package minimax.autodiff;

import static minimax.testing.Points.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import minimax.testing.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * {@link Value#reverseGradient}: the identity forward, gradients times −λ backward, in double
 * precision against finite differences scaled by −λ, to first and second order.
 */
class ReverseGradientTest {
    private static final float[] LAMBDAS = {1f, 0.25f, 0.7f, 0f, 3f};

    @Test
    void forwardIsTheIdentityOnTheSameTensor() {
        Tensor x = uniform(1, 2, 3).toFloat32();
        Value leaf = Value.leaf(x);
        Value y = leaf.reverseGradient(0.5f);
        assertSame(x, y.data());
        assertTrue(y.requiresGrad());
        Value c = Value.constant(x).reverseGradient(1f);
        assertFalse(c.requiresGrad(), "nothing is recorded for a constant");
    }

    /** f(x, w1, w2) = tanh(R_λ(tanh(x·w1))·w2): both x and w1 are before the reversal (scale −λ), w2 after (1). */
    @Test
    void firstOrderGradientsAreMinusLambdaTimesFiniteDifferencesBeforeTheReversal() {
        for (float lambda : LAMBDAS) {
            Function<List<Value>, Value> f = xs -> xs.get(0).matmul(xs.get(1)).tanh().reverseGradient(lambda).matmul(xs.get(2)).tanh();
            GradCheck.checkScaled("reversal λ=" + lambda, new double[] {-lambda, -lambda, 1}, f, uniform(2, 4, 3), uniform(3, 3, 5), uniform(4, 5, 2));
        }
    }

    @Test
    void aWrongScaleIsCaught() {
        Function<List<Value>, Value> f = xs -> xs.get(0).reverseGradient(1f).sigmoid();
        GradCheck.checkScaled("negated", new double[] {-1}, f, uniform(5, 3));
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.check("not negated", f, uniform(5, 3)));
        assertTrue(e.getMessage().contains("gradient mismatch"), e.getMessage());
        assertThrows(AssertionError.class, () -> GradCheck.checkScaled("half", new double[] {-0.5}, f, uniform(5, 3)));
    }

    /**
     * f(x, w) = sigmoid(R_λ(x)·w)² summed over a row: the gradient graph depends on x only through the
     * reversal, so Hessian-vector products in x are −λ times the finite differences, in w exact.
     */
    @Test
    void secondOrderGradientsThroughTheRuleMatchFiniteDifferences() {
        for (float lambda : LAMBDAS) {
            Function<List<Value>, Value> f = xs -> xs.get(0).reverseGradient(lambda).matmul(xs.get(1)).sigmoid().square();
            GradCheck.checkSecondOrderScaled("reversal λ=" + lambda + ", second order", new double[] {-lambda, 1}, f, uniform(6, 3, 4), uniform(7, 4, 2).mul(2f));
        }
    }

    /**
     * A gradient penalty on the input of a critic behind a reversal: the penalty's gradient with
     * respect to the critic's weights goes through the reversal's rule (g ↦ −λ·g) in the gradient
     * graph, which is an ordinary function of the weights and so checks against finite differences.
     */
    @Test
    void gradientPenaltyThroughTheReversalIsDifferentiable() {
        for (float lambda : LAMBDAS) {
            Function<List<Value>, Value> penalty = ws -> {
                Value x = Value.leaf(uniform(8, 3, 2));
                Value critic = x.reverseGradient(lambda).matmul(ws.get(0)).tanh().matmul(ws.get(1)).sum();
                Value dx = Gradients.graph(critic, List.of(x)).get(0);
                return dx.square().sum().sub(1f).square();
            };
            GradCheck.check("penalty λ=" + lambda, penalty, uniform(9, 2, 4), uniform(10, 4, 1));
        }
    }

    /** Along a path that crosses the reversal in the forward graph and again in the gradient graph: λ²·f''. */
    @Test
    void secondDerivativeThroughTheReversalTwiceIsLambdaSquaredTimesTheTrueOne() {
        Tensor x0 = uniform(11, 5);
        for (float lambda : LAMBDAS) {
            Value x = Value.leaf(x0);
            Value dx = Gradients.graph(x.reverseGradient(lambda).pow(3f).sum(), List.of(x)).get(0);   // −λ·3x²
            Tensor d2 = Gradients.of(dx.sum(), List.of(x)).get(0);                                      // λ²·6x
            for (int i = 0; i < 5; i++) {
                double xi = x0.getFlat(i);
                assertEquals(-(double) lambda * 3 * xi * xi, dx.data().getFlat(i), 1e-12);
                assertEquals((double) lambda * lambda * 6 * xi, d2.getFlat(i), 1e-12);
            }
        }
    }

    /** For λ = 1 the gradients before the reversal are the negated ones bit for bit, in float32. */
    @Test
    void lambdaOneNegatesExactlyAndPowersOfTwoScaleExactly() {
        Rng rng = new Rng(12);
        Tensor x = Tensor.normal(rng, 0f, 1f, 8, 3), w1 = Tensor.normal(rng, 0f, 1f, 3, 4), w2 = Tensor.normal(rng, 0f, 1f, 4, 1);
        Tensor plain = gradientOfFirstLayer(x, w1, w2, -1f);
        assertEquals(plain.neg(), gradientOfFirstLayer(x, w1, w2, 1f));
        assertEquals(plain.mul(-0.25f), gradientOfFirstLayer(x, w1, w2, 0.25f));
        float[] blocked = gradientOfFirstLayer(x, w1, w2, 0f).toArray();
        for (float b : blocked) assertEquals(0.0, Math.abs(b), "λ = 0 blocks the gradient");
    }

    /** d/dw1 of mean(sigmoid(R_λ(tanh(x·w1))·w2)); λ < 0 means no reversal. */
    private static Tensor gradientOfFirstLayer(Tensor x, Tensor w1, Tensor w2, float lambda) {
        Value k = Value.leaf(w1);
        Value h = Value.constant(x).matmul(k).tanh();
        if (lambda >= 0) h = h.reverseGradient(lambda);
        Value loss = h.matmul(Value.constant(w2)).sigmoid().mean();
        return Gradients.of(loss, List.of(k)).get(0);
    }

    @Test
    void lambdaMustBeFiniteAndNotNegative() {
        Value x = Value.leaf(Tensor.zeros(2));
        for (float bad : new float[] {-1f, -0.001f, Float.NaN, Float.POSITIVE_INFINITY}) {
            String m = assertThrows(IllegalArgumentException.class, () -> x.reverseGradient(bad)).getMessage();
            assertTrue(m.contains("reverseGradient lambda must be a finite number >= 0, got " + bad), m);
        }
    }
}
