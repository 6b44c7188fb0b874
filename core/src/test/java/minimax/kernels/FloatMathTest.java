package minimax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatMathTest {
    /** Distance from the exact value in units of the float result's last place. */
    private static double ulps(float got, double exact) {
        return Math.abs(got - exact) / Math.ulp((float) exact);
    }

    @Test
    void expIsWithinOnePointOneUlpOfTheExactValueAcrossItsRange() {
        SplittableRandom r = new SplittableRandom(1);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            float x = (float) (r.nextDouble() * 190 - 102); // down into the subnormal results
            double exact = Math.exp(x);
            if ((float) exact == 0f || Float.isInfinite((float) exact)) continue;
            worst = Math.max(worst, ulps(FloatMath.exp(x), exact));
        }
        assertTrue(worst <= 1.1, "worst error " + worst + " ulp");
    }

    @Test
    void expSpecialValues() {
        assertEquals(1f, FloatMath.exp(0f));
        assertEquals(1f, FloatMath.exp(-0f));
        assertTrue(Float.isNaN(FloatMath.exp(Float.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatMath.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(89f));
        assertEquals(0f, FloatMath.exp(-104f));
        assertTrue(ulps(FloatMath.exp(88.7f), Math.exp(88.7f)) <= 1.1, "largest finite results");
        assertTrue(FloatMath.exp(-100f) > 0f && FloatMath.exp(-100f) < Float.MIN_NORMAL, "subnormal results");
        assertEquals((float) Math.E, FloatMath.exp(1f), Math.ulp((float) Math.E));
    }

    @Test
    void sigmoidMatchesTheDoubleFormulaWithinThreeUlps() {
        // exp's 1 ulp, the rounding of 1 + e and of the division: at most about 2.5 ulp
        double worst = 0;
        for (int i = -3000; i <= 3000; i++) {
            float x = i / 100f;
            double exact = 1.0 / (1.0 + Math.exp(-(double) x));
            worst = Math.max(worst, ulps(FloatMath.sigmoid(x), exact));
        }
        assertTrue(worst <= 3, "worst " + worst + " ulp");
        assertEquals(0.5f, FloatMath.sigmoid(0f));
        assertEquals(1f, FloatMath.sigmoid(100f));
        assertEquals(0f, FloatMath.sigmoid(-120f));
    }
}
