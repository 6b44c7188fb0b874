package minimax.optim;

import static minimax.optim.OptimizerCases.trajectory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import minimax.autodiff.Variable;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Golden values for {@link OptimisticSGD}, derived by hand and by {@code optimistic_sgd} in
 * golden_values.py (the same numbers). Rates and gradients are dyadic, so float32 is exact.
 */
class OptimisticSGDTest {
    @Test
    void stepsAlongTwiceTheGradientMinusThePreviousOne() {
        // w ← w − lr·(2g_t − g_{t−1}), first step plain; lr = 1/4, w0 = (1, −2):
        //   g1 = ( 1/2, −1 ): plain step           w1 = (1 − 1/8, −2 + 1/4)          = (0.875, −1.75)
        //   g2 = ( 1,    1 ): 2g2 − g1 = (3/2, 3)  w2 = (0.875 − 3/8, −1.75 − 3/4)  = (0.5, −2.5)
        //   g3 = (−2,  1/4 ): 2g3 − g2 = (−5, −1/2) w3 = (0.5 + 5/4, −2.5 + 1/8)     = (1.75, −2.375)
        float[][] w = trajectory(new OptimisticSGD(0.25), new float[] {1, -2}, new float[] {0.5f, -1}, new float[] {1, 1}, new float[] {-2, 0.25f});
        assertArrayEquals(new float[] {0.875f, -1.75f}, w[0]);
        assertArrayEquals(new float[] {0.5f, -2.5f}, w[1]);
        assertArrayEquals(new float[] {1.75f, -2.375f}, w[2]);
    }

    @Test
    void maximizeNegatesFirstAndWeightDecayStillShrinks() {
        // maximize: g → −g = −1, 0, 1; then w ← w − w·wd·lr; then the step.  lr = 1/4, wd = 1/2, w0 = 2
        //   step 1: decay 2 − 1/4 = 1.75;        d = −1 (plain)       w1 = 1.75 + 1/4    = 2
        //   step 2: decay 2 − 1/4 = 1.75;        d = 2·0 − (−1) = 1   w2 = 1.75 − 1/4    = 1.5
        //   step 3: decay 1.5 − 3/16 = 1.3125;   d = 2·1 − 0 = 2      w3 = 1.3125 − 1/2  = 0.8125
        OptimisticSGD o = new OptimisticSGD(0.25).maximize();
        o.weightDecay(0.5);
        float[][] w = trajectory(o, new float[] {2}, new float[] {1}, new float[] {0}, new float[] {-1});
        assertArrayEquals(new float[] {2f}, w[0]);
        assertArrayEquals(new float[] {1.5f}, w[1]);
        assertArrayEquals(new float[] {0.8125f}, w[2]);
    }

    @Test
    void firstStepIsSgdBitForBitAndTheSlotHoldsTheLastGradient() {
        Rng rng = new Rng(3);
        Tensor start = Tensor.normal(rng, 0f, 1f, 4, 3), g = Tensor.normal(rng, 0f, 1f, 4, 3);
        Variable a = Variable.of("a", start), b = Variable.of("b", start);
        OptimisticSGD optimistic = new OptimisticSGD(0.037);
        optimistic.apply(List.of(g), List.of(a));
        new SGD(0.037).apply(List.of(g), List.of(b));
        assertEquals(b.value(), a.value());
        Map<String, Tensor> state = optimistic.state(List.of(a));
        assertEquals(g, state.get("previous_gradient/0"));
    }

    @Test
    void configHasNoHyperparametersBeyondTheSharedOnes() {
        Optimizer o = new OptimisticSGD(0.2).maximize().clipnorm(1.5);
        Map<String, Object> c = o.config();
        assertEquals(List.of("name", "learning_rate", "maximize", "weight_decay", "clipnorm"), List.copyOf(c.keySet()));
        assertEquals("optimistic_sgd", c.get("name"));
        assertEquals(c, Optimizers.fromConfig(StateTest.throughJson(c)).config());
        assertEquals(0.01f, Optimizers.get("optimistic_sgd").learningRate());
        assertEquals(0.01, Optimizers.fromConfig(Map.<String, Object>of("name", "optimistic_sgd")).config().get("learning_rate"));
    }
}
