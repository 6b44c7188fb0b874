package minimax.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Ticks}: steps of 1, 2 or 5 × 10^k, their positions, and labels that stay short. */
class TicksTest {
    @Test
    void stepIsTheSmallestNiceValueGivingAtMostCountParts() {
        assertEquals(2, Ticks.step(10, 8), 0);       // 1.25 → 2
        assertEquals(0.5, Ticks.step(3, 8), 1e-15);  // 0.375 → 0.5
        assertEquals(1, Ticks.step(5, 5), 0);        // exactly 1
        assertEquals(50, Ticks.step(114, 5), 0);     // 22.8 → 50
        assertEquals(1e-301, Ticks.step(5e-301, 5), 1e-315);
    }

    @Test
    void positionsAreTheMultiplesInsideTheRange() {
        assertArrayEquals(new double[] {-4, -2, 0, 2, 4}, Ticks.positions(-5, 5, 2), 0);
        assertArrayEquals(new double[] {0, 2}, Ticks.positions(0, 2, 2), 0);
        assertArrayEquals(new double[0], Ticks.positions(0.1, 0.9, 1), 0);
    }

    @Test
    void labelsUseTheDecimalsTheStepNeedsOrScientificNotation() {
        assertEquals("0.5", Ticks.label(0.5, 0.1));
        assertEquals("-0.25", Ticks.label(-0.25, 0.05));
        assertEquals("0", Ticks.label(-0.0, 1));
        assertEquals("0.0", Ticks.label(-1e-17, 0.1));
        assertEquals("150", Ticks.label(150, 50));
        assertEquals("1.0E+15", Ticks.label(1e15, 5e14));
        assertEquals("1.2E-300", Ticks.label(1.2e-300, 2e-301));
        assertEquals("0", Ticks.label(0, 2e-301));
    }
}
