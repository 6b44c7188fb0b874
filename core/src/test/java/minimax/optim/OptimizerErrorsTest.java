package minimax.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleFunction;
import minimax.autodiff.Variable;
import minimax.tensor.DType;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every refusal says what was expected, what came, and what to do. */
class OptimizerErrorsTest {
    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "message lacks '" + p + "': " + message);
    }

    private static final List<DoubleFunction<Optimizer>> CONSTRUCTORS = List.of(
            SGD::new, Adam::new, AdamW::new, RMSprop::new, Adagrad::new, OptimisticSGD::new, lr -> new Adam(lr, 0.5), lr -> new SGD(lr, 0.9, true));

    @Test
    void negativeLearningRateIsRefusedPointingToMaximize() {
        for (DoubleFunction<Optimizer> make : CONSTRUCTORS) {
            String m = message(() -> make.apply(-1e-3));
            assertContains(m, "-0.001", "negative learning rates are refused", "maximize()", "weight decay into weight growth", "schedules");
        }
        assertContains(message(() -> new Adam(1e-3).learningRate(-0.1)), "negative learning rates are refused");
    }

    @Test
    void zeroAndNonFiniteLearningRatesAreRefused() {
        for (DoubleFunction<Optimizer> make : CONSTRUCTORS) {
            assertContains(message(() -> make.apply(0)), "must be > 0, got 0.0", "zero learning rate never changes the weights", "maximize()");
            assertContains(message(() -> make.apply(Double.NaN)), "finite number > 0, got NaN");
            assertContains(message(() -> make.apply(Double.POSITIVE_INFINITY)), "finite number > 0, got Infinity");
        }
        assertContains(message(() -> new SGD(1e-60)), "zero in float32");
    }

    @Test
    void aScheduleGoingNegativeIsRefusedAtThatStepBeforeAnyChange() {
        Variable w = Variable.of("w", Tensor.of(new float[] {1}, 1));
        SGD sgd = new SGD(t -> t == 0 ? 0.5f : -0.5f);
        sgd.apply(List.of(Tensor.of(new float[] {1}, 1)), List.of(w));
        String m = message(() -> sgd.apply(List.of(Tensor.of(new float[] {1}, 1)), List.of(w)));
        assertContains(m, "learning rate from the schedule at step 1", "negative learning rates are refused", "maximize()");
        assertEquals(0.5f, w.value().item());
        assertEquals(1, sgd.iterations());
    }

    @Test
    void shapeMismatchNamesTheVariableAndBothShapes() {
        Variable w = Variable.of("dense_1/kernel", Tensor.zeros(3, 2));
        String m = message(() -> new Adam().apply(List.of(Tensor.zeros(2, 3)), List.of(w)));
        assertContains(m, "dense_1/kernel", "[2, 3]", "[3, 2]");
        assertContains(message(() -> new Adam().apply(List.of(), List.of(w))), "0 gradients for 1 variables");
    }

    @Test
    void float64VariablesAreRefusedWithAWayOut() {
        Variable w = Variable.of("w", Tensor.of(new double[] {1, 2}, 2));
        String m = message(() -> new SGD().apply(List.of(Tensor.zeros(DType.FLOAT64, 2)), List.of(w)));
        assertContains(m, "float32", "FLOAT64", "toFloat32()", "variable w");
    }

    @Test
    void nonFiniteGradientChangesNothing() {
        Variable a = Variable.of("a", Tensor.of(new float[] {1, 2}, 2));
        Variable b = Variable.of("b", Tensor.of(new float[] {3}, 1));
        Adam adam = new Adam(0.1);
        adam.apply(List.of(Tensor.of(new float[] {1, 1}, 2), Tensor.of(new float[] {1}, 1)), List.of(a, b));
        Tensor aBefore = a.value().copy(), bBefore = b.value().copy();
        var stateBefore = adam.state(List.of(a, b));
        String m = message(() -> adam.apply(List.of(Tensor.of(new float[] {1, 1}, 2), Tensor.of(new float[] {Float.NaN}, 1)), List.of(a, b)));
        assertContains(m, "variable b", "NaN", "flat index 0", "nothing was updated");
        assertEquals(aBefore, a.value());
        assertEquals(bBefore, b.value());
        assertEquals(stateBefore, adam.state(List.of(a, b)));
        assertEquals(1, adam.iterations());
        assertContains(message(() -> adam.apply(List.of(Tensor.of(new float[] {Float.POSITIVE_INFINITY, 1}, 2), Tensor.zeros(1)), List.of(a, b))), "variable a", "Infinity");
    }

    @Test
    void unknownOptimizerNameListsTheValidOnes() {
        assertContains(message(() -> Optimizers.get("adamm")), "'adamm'", "sgd", "adam", "adamw", "rmsprop", "adagrad", "optimistic_sgd");
        assertEquals("rmsprop", Optimizers.get("RMSprop").name());
        assertEquals("optimistic_sgd", Optimizers.get("Optimistic_SGD").name());
    }

    @Test
    void onlyOneKindOfClippingAsInKeras() {
        assertContains(message(() -> new SGD().clipnorm(1).clipvalue(0.5)), "only one of clipnorm, clipvalue and globalClipnorm", "clipnorm is already 1.0");
        assertContains(message(() -> new SGD().globalClipnorm(1).clipnorm(2)), "globalClipnorm is already 1.0");
        assertEquals(2.0, new SGD().clipnorm(1).clipnorm(2).clipnorm());
        assertContains(message(() -> new SGD().clipnorm(-1)), "clipnorm must be a finite number > 0, got -1.0");
        assertContains(message(() -> new SGD().weightDecay(-0.1)), "weightDecay", "-0.1");
    }

    @Test
    void anOptimizerServesTheVariablesItWasBuiltFor() {
        Variable a = Variable.of("a", Tensor.zeros(1)), b = Variable.of("b", Tensor.zeros(1));
        SGD sgd = new SGD(0.1, 0.9, false);
        sgd.apply(List.of(Tensor.zeros(1)), List.of(a));
        assertContains(message(() -> sgd.apply(List.of(Tensor.zeros(1)), List.of(b))), "built for 1 variables [a]", "cannot update 1 variables [b]", "one optimizer per list");
    }

    @Test
    void hyperparametersOutOfRangeAreRefused() {
        assertContains(message(() -> new Adam(1e-3, 1.0)), "beta1 must be in [0, 1), got 1.0");
        assertContains(message(() -> new SGD(0.1, -0.5, false)), "momentum must be in [0, 1], got -0.5");
        assertContains(message(() -> new RMSprop(0.1, 1.5, 0, 1e-7, false)), "rho must be in [0, 1), got 1.5");
        assertContains(message(() -> new Adagrad(0.1, -1, 1e-7)), "initialAccumulatorValue", "-1.0");
    }
}
