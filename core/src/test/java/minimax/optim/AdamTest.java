package minimax.optim;

import static minimax.optim.OptimizerCases.assertTrajectory;
import static minimax.optim.OptimizerCases.trajectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Golden values for Adam, AMSGrad and AdamW from Keras 3's rules:
 * {@code alpha = lr·√(1−β2^t)/(1−β1^t); m += (g−m)(1−β1); v += (g²−v)(1−β2); w −= m·alpha/(√v+ε)},
 * with amsgrad {@code vHat = max(vHat, v)} in place of v, and AdamW's {@code w −= w·wd·lr} first.
 *
 * <p>The expected values are these formulas evaluated in double by {@code golden_values.py} beside
 * this file (each step is also spelled out below), with one float32 effect kept because it is large:
 * Keras takes {@code β^t} in float32 from a float32 β, and {@code 1 − β^t} then cancels digits
 * (1 − 0.999f = 0.99998713e-3 differs from 1e-3 by 1.3e-5 relative). They are compared to a relative tolerance of 1e-6, well above the float32 rounding
 * of a few steps and well below the effects under test (amsgrad, weight decay).
 */
class AdamTest {
    @Test
    void defaultAdamThreeSteps() {
        // lr 1e-3, β1 0.9, β2 0.999, ε 1e-7; w0 = (0, 0); gradients (1, −2), (0.01, 3), (0.01, 0.5).
        // Step 1: m = 0.1·g, v = 0.001·g², alpha = 1e-3·√(1 − 0.999f)/(1 − 0.9f)
        //         = 1e-3·√(0.99998713e-3)/0.10000002 = 3.1622571e-4;
        //         w1 = −alpha·0.1·g/(√0.001·|g| + 1e-7) = (−9.9999016e-4, +9.9999174e-4)
        //         (nearly −lr·sign(g): Adam's first step has size lr whatever |g|).
        // Step 2: element 0: m = 0.09 + 0.001 = 0.091, v = 0.999e-3 + 1e-7 = 0.9991e-3,
        //         alpha = 1e-3·√(1 − float(0.999f²))/(1 − float(0.9f²)) = 2.3531e-4, w2 = w1 − alpha·m/(√v + ε);
        //         element 1 likewise with g = 3.
        // Step 3: the same with t = 3.
        double[][] expected = {
            {-0.0009999901620141069, 0.0009999917431348817},
            {-0.0016774506405880297, 0.0007522926369356743},
            {-0.002207500534527844, 0.0004748328412898704}};
        assertTrajectory(expected, trajectory(new Adam(), new float[] {0, 0}, new float[] {1, -2}, new float[] {0.01f, 3}, new float[] {0.01f, 0.5f}), 1e-6);
    }

    @Test
    void amsgradDividesByTheLargestSecondMomentSoFar() {
        // Same run with amsgrad. Element 0's v falls at step 2 (0.9991e-3 < 1e-3), so vHat stays
        // 1e-3 and the step shrinks: w2 = w1 − alpha·0.091/(√0.001 + ε) = −1.6771457e-3 instead of
        // −1.6774506e-3. Element 1's v grows (g = 3), so it matches plain Adam.
        double[][] expected = {
            {-0.0009999901620141069, 0.0009999917431348817},
            {-0.001677145715713171, 0.0007522926369356743},
            {-0.0022067185901306387, 0.0004748328412898704}};
        float[][] w = trajectory(new Adam(1e-3, 0.9, 0.999, 1e-7, true), new float[] {0, 0}, new float[] {1, -2}, new float[] {0.01f, 3}, new float[] {0.01f, 0.5f});
        assertTrajectory(expected, w, 1e-6);
    }

    @Test
    void amsgradWithDyadicBetasWhereItMattersMuch() {
        // lr 0.1, β1 = β2 = 0.5 (β^t and 1 − β exact in float32), ε 1e-7; w0 = 0; g = 1, 0, 0.5.
        // Step 1: m = 0.5, v = 0.5, alpha = 0.1·√0.5/0.5 = 0.14142136; w1 = −alpha·0.5/(√0.5 + ε) = −0.099999986
        // Step 2: m = 0.25, v = 0.25 (falls), alpha = 0.1·√0.75/0.75 = 0.11547005
        //   Adam:    w2 = w1 − alpha·0.25/(0.5 + ε)        = −0.15773500
        //   AMSGrad: w2 = w1 − alpha·0.25/(√0.5 + ε)  (vHat = 0.5) = −0.14082481
        // Step 3: m = 0.375, v = 0.25, alpha = 0.1·√0.875/0.875 = 0.10690450
        //   Adam:    w3 = w2 − alpha·0.375/(0.5 + ε)       = −0.23791336
        //   AMSGrad: w3 = w2 − alpha·0.375/(√0.5 + ε)      = −0.19751947
        assertTrajectory(new double[][] {{-0.09999998585786639}, {-0.1577350012298259}, {-0.23791335776788192}},
                trajectory(new Adam(0.1, 0.5, 0.5, 1e-7, false), new float[] {0}, new float[] {1}, new float[] {0}, new float[] {0.5f}), 1e-6);
        assertTrajectory(new double[][] {{-0.09999998585786639}, {-0.14082480913075082}, {-0.1975194720642988}},
                trajectory(new Adam(0.1, 0.5, 0.5, 1e-7, true), new float[] {0}, new float[] {1}, new float[] {0}, new float[] {0.5f}), 1e-6);
    }

    @Test
    void adamWDecaysBeforeTheAdamStep() {
        // AdamW defaults: lr 1e-3, wd 0.004. w0 = (1, −2), g = (0.5, 0.5) twice.
        // Step 1: decay w·(1 − 4e-6) = (0.999996, −1.999992); Adam's first step ≈ −lr·sign(g):
        //         w1 = 0.999996 − 9.99987e-4 = 0.99899601, −1.999992 − 9.99987e-4 = −2.00099199
        // Step 2: decay again, then the Adam step with m = 0.045 + 0.05 = 0.095, v = 2.4975e-4 + 2.5e-4 = 4.9975e-4
        // The decay moves w by 4e-6 per step, 13 times the tolerance used here.
        double[][] expected = {{0.9989960130002125, -2.0009919869997876}, {0.9979920315524777, -2.0019839684955225}};
        float[][] w = trajectory(new AdamW(), new float[] {1, -2}, new float[] {0.5f, 0.5f}, new float[] {0.5f, 0.5f});
        for (int t = 0; t < 2; t++) for (int k = 0; k < 2; k++) assertEquals(expected[t][k], w[t][k], 3e-7, "step " + (t + 1) + " element " + k);
        assertEquals(0.004, new AdamW().weightDecay());
        assertEquals("adamw", new AdamW().name());
    }

    @Test
    void weightDecayOnAdamWithLargeDecay() {
        // Adam(lr 0.1, β 0.5/0.5) with wd 0.25: each step first w ← w − w·0.025, then the Adam step.
        // w0 = 1; g = 1, 0, 0.5.  Step 1: 0.975 − 0.099999986 = 0.87500001
        // Step 2: 0.87500001·0.975 − 0.0577350 = 0.79539000;  Step 3: ·0.975 − 0.0801783 = 0.69532689
        double[][] expected = {{0.8750000141421336}, {0.7953899984166207}, {0.6953268919181491}};
        assertTrajectory(expected, trajectory(new Adam(0.1, 0.5, 0.5, 1e-7, false).weightDecay(0.25), new float[] {1}, new float[] {1}, new float[] {0}, new float[] {0.5f}), 1e-6);
    }

    @Test
    void amsgradMakesADifferenceOnlyWhenVFalls() {
        float[][] plain = trajectory(new Adam(0.1, 0.5, 0.5, 1e-7, false), new float[] {0}, new float[] {1}, new float[] {0});
        float[][] ams = trajectory(new Adam(0.1, 0.5, 0.5, 1e-7, true), new float[] {0}, new float[] {1}, new float[] {0});
        assertEquals(plain[0][0], ams[0][0]);
        assertNotEquals(plain[1][0], ams[1][0]);
    }
}
