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

    @Test
    void tanhIsWithinOnePointThreeFourUlpsOfTheExactValue() {
        // every 97th bit pattern of the non-negative floats (subnormals, the polynomial's range, exp's
        // range and saturation) and every float of [0.5, 0.7], around the switch at 0.625 where the
        // error peaks (an exhaustive check of all floats found 1.3303 ulp at 0.62830955, just above it);
        // tanh is odd, so negatives are checked by sign below
        double worst = 0;
        float worstAt = 0;
        int dense0 = Float.floatToRawIntBits(0.5f), dense1 = Float.floatToRawIntBits(0.7f);
        for (int bits = 0; bits >= 0 && bits < Float.floatToRawIntBits(Float.POSITIVE_INFINITY); bits += bits >= dense0 && bits < dense1 ? 1 : 97) {
            float x = Float.intBitsToFloat(bits);
            double err = ulps(FloatMath.tanh(x), Math.tanh(x));
            if (err > worst) { worst = err; worstAt = x; }
        }
        assertTrue(worst <= 1.34, "worst error " + worst + " ulp at " + worstAt);
    }

    @Test
    void tanhIsOddAndHandlesSpecialValues() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            float x = (float) (r.nextGaussian() * 3);
            assertEquals(Float.floatToRawIntBits(-FloatMath.tanh(x)), Float.floatToRawIntBits(FloatMath.tanh(-x)), "tanh(-x) = -tanh(x) at " + x);
        }
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(FloatMath.tanh(0f)));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FloatMath.tanh(-0f)), "tanh(-0) is -0");
        assertEquals(Float.MIN_VALUE, FloatMath.tanh(Float.MIN_VALUE), "subnormal inputs give themselves");
        assertTrue(Float.isNaN(FloatMath.tanh(Float.NaN)));
        assertEquals(1f, FloatMath.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(1f, FloatMath.tanh(9.1f), "tanh rounds to 1 from about 9.01 on");
        assertEquals(-1f, FloatMath.tanh(-50f), "past exp's overflow");
        float below = 0.625f, above = Math.nextUp(0.625f); // both sides of the switch between the two formulas
        assertTrue(ulps(FloatMath.tanh(below), Math.tanh(below)) <= 1.34 && ulps(FloatMath.tanh(above), Math.tanh(above)) <= 1.34);
        assertTrue(FloatMath.tanh(below) <= FloatMath.tanh(above), "monotone across the switch");
    }
}
