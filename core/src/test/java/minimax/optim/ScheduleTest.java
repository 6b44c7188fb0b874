package minimax.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Keras 3's ExponentialDecay: rate(step) = initial·decayRate^(step/decaySteps). */
class ScheduleTest {
    @Test
    void exponentialDecayFollowsKerasFormula() {
        // 0.5·0.25^(t/2): t = 0 → 0.5, 1 → 0.5·0.5 = 0.25, 2 → 0.125, 3 → 0.0625, 4 → 0.03125
        ExponentialDecay smooth = new ExponentialDecay(0.5, 2, 0.25, false);
        float[] expected = {0.5f, 0.25f, 0.125f, 0.0625f, 0.03125f};
        for (int t = 0; t < expected.length; t++) assertEquals(expected[t], smooth.at(t), "step " + t);
        // staircase floors t/2: 0.5, 0.5, 0.125, 0.125, 0.03125
        ExponentialDecay stairs = new ExponentialDecay(0.5, 2, 0.25, true);
        float[] steps = {0.5f, 0.5f, 0.125f, 0.125f, 0.03125f};
        for (int t = 0; t < steps.length; t++) assertEquals(steps[t], stairs.at(t), "step " + t);
        // a non-dyadic case: 0.1·0.96^(5/3) = 0.0934226227 in double, rounded once to float32
        assertEquals(0.0934226227f, new ExponentialDecay(0.1, 3, 0.96, false).at(5));
    }

    @Test
    void constantIsTheGivenRateInFloat32() {
        assertEquals(1e-3f, LearningRateSchedule.constant(1e-3).at(12345));
    }

    @Test
    void badArgumentsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(-0.1, 10, 0.9, false)).getMessage().contains("maximize()"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0.1, 0, 0.9, false)).getMessage().contains("decaySteps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0.1, 10, 0, false)).getMessage().contains("decayRate"));
    }
}
