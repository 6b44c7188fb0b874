package minimax.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.tensor.DType;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The checker itself must pass correct gradients and catch wrong ones, or every check built on it is void. */
class GradCheckTest {
    private static final Tensor X = Tensor.of(new double[] {0.7, -1.3, 2.1, 0.4, -0.2, 1.1}, 2, 3);

    @Test
    void passesACorrectGradient() {
        GradCheck.check("x³ + 2x", xs -> xs.get(0).pow(3).add(xs.get(0).mul(2f)), X);
    }

    @Test
    void catchesAGradientMissingATerm() {
        // x · stop_gradient(x) has the value x² but the analytic gradient x instead of 2x
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradCheck.check("half square", xs -> xs.get(0).mul(xs.get(0).detach()), X));
        assertTrue(e.getMessage().contains("half square"), e.getMessage());
        assertTrue(e.getMessage().contains("input 0 element 0 [0, 0]"), e.getMessage());
        assertTrue(e.getMessage().contains("analytic") && e.getMessage().contains("numeric"), e.getMessage());
    }

    @Test
    void namesTheInputThatIsWrong() {
        Tensor y = Tensor.of(new double[] {0.5, 1.5, -0.5}, 3);
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradCheck.check("second input detached", xs -> xs.get(0).mul(xs.get(1).detach()), X, y));
        assertTrue(e.getMessage().contains("input 1 element"), e.getMessage());
        assertTrue(!e.getMessage().contains("input 0 element"), e.getMessage());
    }

    @Test
    void catchesAWrongFactorOnOneOutputElement() {
        // the gradient of element [1,2] alone is halved; a plain sum of outputs would still catch it,
        // a contraction must not hide it either
        Tensor mask = Tensor.of(new double[] {1, 1, 1, 1, 1, 0.5}, 2, 3);
        Tensor rest = Tensor.of(new double[] {0, 0, 0, 0, 0, 0.5}, 2, 3);
        assertThrows(AssertionError.class, () -> GradCheck.check("one element",
                xs -> xs.get(0).square().mul(mask).add(xs.get(0).detach().square().mul(rest)), X));
    }

    @Test
    void secondOrderPassesAndCatchesAGradientThatIsNotDifferentiable() {
        GradCheck.checkSecondOrder("cube", xs -> xs.get(0).pow(3), X);
        // x·x·stop_gradient(x): its first-order graph treats one factor as a constant, so its
        // gradient is already wrong; the second-order check must not pass either
        assertThrows(AssertionError.class,
                () -> GradCheck.checkSecondOrder("detached cube", xs -> xs.get(0).mul(xs.get(0)).mul(xs.get(0).detach()), X));
    }

    @Test
    void rejectsAFloat32Output() {
        Tensor w = Tensor.of(new float[] {1, 2, 3}, 3);
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.check("f32", xs -> Value.constant(w).mul(2f), X));
        assertTrue(e.getMessage().contains("FLOAT32"), e.getMessage());
    }

    @Test
    void variablesAreCheckedInFloat64AndRestored() {
        Tensor w0 = Tensor.of(new float[] {0.5f, -1f, 2f}, 3);
        Variable w = Variable.of("w", w0);
        Tensor input = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        GradCheck.checkVariables("scaled tanh", () -> Value.of(w).mul(Value.constant(input)).tanh(), w);
        assertEquals(w0, w.value());
        assertEquals(DType.FLOAT32, w.value().dtype());
    }

    @Test
    void variablesAreRestoredAfterAFailure() {
        Tensor w0 = Tensor.of(new float[] {0.5f, -1f, 2f}, 3);
        Variable w = Variable.of("w", w0);
        assertThrows(AssertionError.class, () -> GradCheck.checkVariables("wrong", () -> Value.of(w).mul(Value.of(w).detach()), w));
        assertEquals(w0, w.value());
    }

    @Test
    void inputsAreNotModified() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3);
        Tensor before = x.copy();
        GradCheck.check("exp", xs -> xs.get(0).exp(), x);
        assertEquals(before, x);
    }
}
