package minimax.optim;

import static minimax.optim.OptimizerCases.assertTrajectory;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import minimax.autodiff.Variable;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Golden values for RMSprop and Adagrad from Keras 3's rules (evaluated in double by
 * {@code golden_values.py} beside this file; each step spelled out below). Tolerance 1e-6 relative.
 */
class RMSpropAdagradTest {
    /** Minimizes f(w) = w²/2 (gradient g = w) from w0 = 10, as in Keras's RMSprop docstring. */
    private static float[][] onHalfSquare(Optimizer o, int steps) {
        Variable w = Variable.of(Tensor.of(new float[] {10}, 1));
        float[][] out = new float[steps][];
        for (int t = 0; t < steps; t++) {
            o.apply(List.of(w.value().copy()), List.of(w));
            out[t] = w.value().toArray();
        }
        return out;
    }

    @Test
    void rmspropMatchesKerasDocstringExample() {
        // lr 0.1, ρ 0.9, ε 1e-7:  v = ρ·v + 0.1·g²;  w ← w − lr·g/√(v + ε)
        // Step 1: g = 10, v = 10, w1 = 10 − 1/√10.0000001 = 9.6837722 (Keras docs: 9.683772)
        // Step 2: g = 9.6837722, v = 9 + 0.1·93.775 = 18.3775, w2 = w1 − 0.96837722/√18.3775 = 9.4578802
        // Step 3: g = 9.4578802, v = 16.5398 + 8.9452 = 25.4850, w3 = w2 − 0.94578802/√25.4850 = 9.2705310
        assertTrajectory(new double[][] {{9.683772235564302}, {9.45788024948112}, {9.270530980376865}}, onHalfSquare(new RMSprop(0.1), 3), 1e-6);
    }

    @Test
    void centeredRmspropDividesByTheVarianceEstimate() {
        // a = ρ·a + 0.1·g; d = v − a² + ε.  Step 1: v = 10, a = 1, d = 9 + ε, w1 = 10 − 1/3 = 9.6666667
        // Step 2: g = 9.6666667, v = 9 + 9.3444 = 18.3444, a = 0.9 + 0.96667 = 1.86667,
        //         d = 18.3444 − 3.48444 = 14.8600, w2 = w1 − 0.96666667/√14.86 = 9.4159014
        // Step 3 likewise: 9.1970050
        assertTrajectory(new double[][] {{9.666666668518518}, {9.415901428084915}, {9.197005009740817}},
                onHalfSquare(new RMSprop(0.1, 0.9, 0, 1e-7, true), 3), 1e-6);
    }

    @Test
    void rmspropMomentumAccumulatesIncrements() {
        // p = 0.5·p + Δ, w ← w − p.  Step 1: Δ = 0.31622776, p = Δ, w1 = 9.6837722 (as plain)
        // Step 2: Δ = 0.22589197 (as plain step 2), p = 0.15811388 + 0.22589197 = 0.38400585, w2 = 9.2997664
        // Step 3: g = 9.2997664, v = 16.5398 + 8.6486 = 25.1884, Δ = 0.92997664/√25.1884 = 0.18529997,
        //         p = 0.19200292 + 0.18529997 = 0.37730289, w3 = 8.9224648
        assertTrajectory(new double[][] {{9.683772235564302}, {9.29976636726327}, {8.922464836364622}},
                onHalfSquare(new RMSprop(0.1, 0.9, 0.5, 1e-7, false), 3), 1e-6);
    }

    @Test
    void adagradAccumulatesSquaredGradients() {
        // lr 0.1, s0 = 0.1, ε 1e-7;  s += g²;  w ← w − lr·g/√(s + ε);  w0 = 1
        // g = 1:   s = 1.1,  w1 = 1 − 0.1/√1.1000001        = 0.90465375
        // g = 0.5: s = 1.35, w2 = w1 − 0.05/√1.3500001      = 0.86162060
        // g = −1:  s = 2.35, w3 = w2 + 0.1/√2.3500001       = 0.92685340
        float[][] w = OptimizerCases.trajectory(new Adagrad(0.1), new float[] {1}, new float[] {1}, new float[] {0.5f}, new float[] {-1});
        assertTrajectory(new double[][] {{0.9046537454093613}, {0.8616205987119879}, {0.9268534046294001}}, w, 1e-6);
    }

    @Test
    void adagradStartsFromTheInitialAccumulatorValue() {
        // s0 = 3, lr 1, g = 1: s = 4, w1 = 0 − 1/√(4 + 0) = −0.5 exactly (ε = 0)
        float[][] w = OptimizerCases.trajectory(new Adagrad(1, 3, 0), new float[] {0}, new float[] {1});
        assertEquals(-0.5f, w[0][0]);
    }
}
