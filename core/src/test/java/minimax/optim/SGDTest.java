package minimax.optim;

import static minimax.optim.OptimizerCases.trajectory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Golden values for SGD from Keras 3's rules, derived by hand. Rates, momenta and gradients are
 * dyadic (sums of powers of two), so float32 computes them without rounding and the expected values
 * are exact.
 */
class SGDTest {
    @Test
    void plainStepsDownTheGradient() {
        // w ← w − lr·g with lr = 1/4, w0 = (1, −2):
        //   g1 = ( 1/2, −1 ):  w1 = (1 − 1/8,   −2 + 1/4)   = (0.875, −1.75)
        //   g2 = ( 1,    1 ):  w2 = (0.875 − 1/4, −1.75 − 1/4) = (0.625, −2)
        //   g3 = (−2,  1/4 ):  w3 = (0.625 + 1/2, −2 − 1/16)  = (1.125, −2.0625)
        float[][] w = trajectory(new SGD(0.25), new float[] {1, -2}, new float[] {0.5f, -1}, new float[] {1, 1}, new float[] {-2, 0.25f});
        assertArrayEquals(new float[] {0.875f, -1.75f}, w[0]);
        assertArrayEquals(new float[] {0.625f, -2f}, w[1]);
        assertArrayEquals(new float[] {1.125f, -2.0625f}, w[2]);
    }

    @Test
    void momentumAccumulatesVelocity() {
        // m ← 0.5·m − 0.25·g;  w ← w + m;  w0 = 1, m0 = 0
        //   g = 1:  m1 = −0.25,                    w1 = 0.75
        //   g = 1:  m2 = −0.125 − 0.25 = −0.375,    w2 = 0.375
        //   g = −2: m3 = −0.1875 + 0.5 = 0.3125,    w3 = 0.6875
        float[][] w = trajectory(new SGD(0.25, 0.5, false), new float[] {1}, new float[] {1}, new float[] {1}, new float[] {-2});
        assertArrayEquals(new float[] {0.75f}, w[0]);
        assertArrayEquals(new float[] {0.375f}, w[1]);
        assertArrayEquals(new float[] {0.6875f}, w[2]);
    }

    @Test
    void nesterovLooksAhead() {
        // m as above;  w ← w + 0.5·m − 0.25·g
        //   g = 1:  m1 = −0.25,   w1 = 1 − 0.125 − 0.25        = 0.625
        //   g = 1:  m2 = −0.375,  w2 = 0.625 − 0.1875 − 0.25   = 0.1875
        //   g = −2: m3 = 0.3125,  w3 = 0.1875 + 0.15625 + 0.5  = 0.84375
        float[][] w = trajectory(new SGD(0.25, 0.5, true), new float[] {1}, new float[] {1}, new float[] {1}, new float[] {-2});
        assertArrayEquals(new float[] {0.625f}, w[0]);
        assertArrayEquals(new float[] {0.1875f}, w[1]);
        assertArrayEquals(new float[] {0.84375f}, w[2]);
    }

    @Test
    void weightDecayIsAppliedBeforeTheStepAndScalesWithTheRate() {
        // Keras 3: w ← w − w·wd·lr, then w ← w − lr·g;  lr = 1/4, wd = 1/2, w0 = 2
        //   g = 1: decay 2 − 2·(1/8) = 1.75,        step 1.75 − 0.25 = 1.5
        //   g = 0: decay 1.5 − 1.5/8 = 1.3125,      step unchanged    = 1.3125
        //   g = −1: decay 1.3125 − 0.1640625 = 1.1484375, step + 0.25 = 1.3984375
        float[][] w = trajectory(new SGD(0.25).weightDecay(0.5), new float[] {2}, new float[] {1}, new float[] {0}, new float[] {-1});
        assertArrayEquals(new float[] {1.5f}, w[0]);
        assertArrayEquals(new float[] {1.3125f}, w[1]);
        assertArrayEquals(new float[] {1.3984375f}, w[2]);
    }

    @Test
    void scheduleIsReadOncePerStepAtTheCompletedStepCount() {
        // lr(t) = 0.5·0.5^t (t = updates done): 0.5, 0.25, 0.125;  g = 1, w0 = 0, wd = 1
        //   step 1: decay 0 → 0, w1 = −0.5
        //   step 2: decay −0.5 − (−0.5·0.25) = −0.375, w2 = −0.375 − 0.25 = −0.625
        //   step 3: decay −0.625 + 0.078125 = −0.546875, w3 = −0.546875 − 0.125 = −0.671875
        // The same rate reaches weight decay and the update: reading it twice would not change this
        // schedule, but a rate from step t+1 in either part would.
        SGD sgd = new SGD(new ExponentialDecay(0.5, 1, 0.5, false));
        sgd.weightDecay(1);
        assertEquals(0.5f, sgd.learningRate());
        float[][] w = trajectory(sgd, new float[] {0}, new float[] {1}, new float[] {1}, new float[] {1});
        assertArrayEquals(new float[] {-0.5f}, w[0]);
        assertArrayEquals(new float[] {-0.625f}, w[1]);
        assertArrayEquals(new float[] {-0.671875f}, w[2]);
        assertEquals(3, sgd.iterations());
        assertEquals(0.0625f, sgd.learningRate());
    }
}
