package minimax.losses;

import static minimax.losses.LossTesting.ulps;
import static minimax.losses.LossTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every built-in loss on tiny float32 inputs against values worked out by hand from Keras 3's
 * formulas (the arithmetic is in the comments; where a float32 rounding matters, the expected value
 * is rebuilt in double from the float32 constants, e.g. the clip bounds).
 */
class BuiltinLossValuesTest {
    /**
     * Keras's clip bounds as float32 holds them: 1e-7f = 1.0000000116860974e-7, and 1 − 1e-7, which lies
     * between the floats 1 − 2⁻²³ and 1 − 2⁻²⁴ and rounds to the first, 0.99999988079071.
     */
    private static final double LOW = 1e-7f;
    private static final double HIGH = 1f - 1e-7f;

    @Test
    void mseAveragesSquaredErrorsOverAllElements() {
        // errors 0.5, −1, 0, 2; squares 0.25 + 1 + 0 + 4 = 5.25; / 4 = 1.3125 (Keras: rows 0.625 and 2, mean 1.3125)
        assertEquals(1.3125f, value(Losses.mse(), new float[] {1, 2, 3, 4}, new float[] {1.5f, 1, 3, 6}, 2, 2), 0f);
        // a perfect prediction costs nothing
        assertEquals(0f, value(Losses.mse(), new float[] {0.3f, -7}, new float[] {0.3f, -7}, 2), 0f);
    }

    @Test
    void maeAveragesAbsoluteErrors() {
        // |0.5| + |−1| + 0 + |2| = 3.5; / 4 = 0.875
        assertEquals(0.875f, value(Losses.mae(), new float[] {1, 2, 3, 4}, new float[] {1.5f, 1, 3, 6}, 2, 2), 0f);
    }

    @Test
    void binaryCrossentropyOnProbabilities() {
        // y = 1, p = 0.75: −log 0.75; y = 0, p = 0.25: −log(1 − 0.25) = −log 0.75; mean 0.2876820724517809
        assertEquals(0.2876820724517809, value(Losses.binaryCrossentropy(), new float[] {1, 0}, new float[] {0.75f, 0.25f}, 2, 1), ulps(0.2877, 2));
        // soft label 0.25 at p = 0.5: −(0.25·log 0.5 + 0.75·log 0.5) = log 2 = 0.6931471805599453
        assertEquals(0.6931471805599453, value(Losses.binaryCrossentropy(), new float[] {0.25f}, new float[] {0.5f}, 1), ulps(0.69, 2));
    }

    @Test
    void binaryCrossentropyClipsZeroAndOneToStayFinite() {
        // y = 1, p = 0 → clipped to 1e-7f: −log(1.0000000116860974e-7) = 16.118095639272223
        double wrongAtZero = -Math.log(LOW);
        assertEquals(16.118095639272223, wrongAtZero, 1e-12);
        assertEquals(wrongAtZero, value(Losses.binaryCrossentropy(), new float[] {1}, new float[] {0}, 1), ulps(16, 2));
        // y = 0, p = 1 → clipped to 1 − 2⁻²³: −log(2⁻²³) = 23·log 2 = 15.942385152878742
        double wrongAtOne = -Math.log(1 - HIGH);
        assertEquals(23 * Math.log(2), wrongAtOne, 1e-12);
        assertEquals(wrongAtOne, value(Losses.binaryCrossentropy(), new float[] {0}, new float[] {1}, 1), ulps(16, 2));
        // both in one batch: the mean (16.118095639 + 15.942385153) / 2 = 16.030240396
        assertEquals((wrongAtZero + wrongAtOne) / 2, value(Losses.binaryCrossentropy(), new float[] {1, 0}, new float[] {0, 1}, 2), ulps(16, 2));
        // confident and right is not exactly free: y = 1, p = 1 → −log(1 − 2⁻²³) ≈ 2⁻²³ = 1.1920929e-7;
        // y = 0, p = 0 → −log(1 − 1e-7f), and 1 − 1e-7f rounds to 1 − 2⁻²³ in float32: the same
        double right = -Math.log(HIGH);
        assertEquals(1.1920929665620916e-7, right, 1e-20);
        assertEquals(right, value(Losses.binaryCrossentropy(), new float[] {1, 0}, new float[] {1, 0}, 2), ulps(right, 2));
        // beyond [0, 1] is clipped too: p = −3 with y = 1 costs what p = 0 costs
        assertEquals(wrongAtZero, value(Losses.binaryCrossentropy(), new float[] {1}, new float[] {-3}, 1), ulps(16, 2));
    }

    @Test
    void binaryCrossentropyFromLogitsUsesTheStableForm() {
        Loss bce = Losses.binaryCrossentropy(true);
        // x = 0: max(0,0) − 0 + log(1 + e⁰) = log 2 for any label
        assertEquals(0.6931471805599453, value(bce, new float[] {0, 1, 0.5f}, new float[] {0, 0, 0}, 3), ulps(0.69, 2));
        // y = 0.25: x = 2 → 2 − 0.5 + log(1 + e⁻²) = 1.5 + 0.1269280110429726; x = −2 → 0 + 0.5 + 0.1269280110429726;
        // mean 1.1269280110429726
        assertEquals(1.1269280110429726, value(bce, new float[] {0.25f, 0.25f}, new float[] {2, -2}, 2), ulps(1.13, 2));
        // sigmoid(0.3) = 0.574442516811659, y = 1: −log 0.574442516811659 = 0.5543552444685888
        assertEquals(0.5543552444685888, value(bce, new float[] {1}, new float[] {0.3f}, 1), ulps(0.55, 2));
    }

    @Test
    void binaryCrossentropyFromLogitsIsFiniteForHugeLogits() {
        Loss bce = Losses.binaryCrossentropy(true);
        // wrong by far: x = 100, y = 0 → 100 − 0 + log(1 + e⁻¹⁰⁰) = 100; x = −100, y = 1 → 0 + 100 + ≈0 = 100
        assertEquals(100f, value(bce, new float[] {0, 1}, new float[] {100, -100}, 2), 0f);
        // right by far: 100 − 100 + log(1 + e⁻¹⁰⁰) = 3.7e-44, which is zero to any tolerance
        assertEquals(0f, value(bce, new float[] {1, 0}, new float[] {100, -100}, 2), 1e-30f);
        // e²⁰⁰ overflows float32 and σ(−200) underflows to 0, so −log σ(x) would be ∞; the stable form gives 200
        assertEquals(200f, value(bce, new float[] {1}, new float[] {-200}, 1), 0f);
        assertEquals(1e20f, value(bce, new float[] {0}, new float[] {1e20f}, 1), 0f);
    }

    @Test
    void categoricalCrossentropyOnProbabilitiesRenormalizesRows() {
        Loss cce = Losses.categoricalCrossentropy();
        // [0.2, 0.2, 0.6], last class true: −log 0.6 = 0.5108256237659907
        assertEquals(0.5108256237659907, value(cce, new float[] {0, 0, 1}, new float[] {0.2f, 0.2f, 0.6f}, 1, 3), ulps(0.51, 2));
        // [1, 1, 3] / 5 is the same distribution
        assertEquals(0.5108256237659907, value(cce, new float[] {0, 0, 1}, new float[] {1, 1, 3}, 1, 3), ulps(0.51, 2));
        // two rows, mean over rows: row 1 [0.5, 0.25, 0.25] with class 0 → log 2 = 0.6931471805599453;
        // row 2 [2, 6, 0] / 8 = [0.25, 0.75, 0] with class 1 → −log 0.75 = 0.2876820724517809; mean 0.4904146265058631
        assertEquals(0.4904146265058631, value(cce, new float[] {1, 0, 0, 0, 1, 0}, new float[] {0.5f, 0.25f, 0.25f, 2, 6, 0}, 2, 3), ulps(0.49, 2));
        // soft labels [0.5, 0.5, 0] on [0.5, 0.25, 0.25]: −(0.5·log 0.5 + 0.5·log 0.25) = 1.5·log 2 = 1.0397207708399179
        assertEquals(1.0397207708399179, value(cce, new float[] {0.5f, 0.5f, 0}, new float[] {0.5f, 0.25f, 0.25f}, 1, 3), ulps(1.04, 2));
    }

    @Test
    void categoricalCrossentropyClipsLikeBinary() {
        Loss cce = Losses.categoricalCrossentropy();
        // the true class has probability 0 → 1e-7f: −log 1e-7f = 16.118095639272223
        assertEquals(-Math.log(LOW), value(cce, new float[] {0, 1, 0}, new float[] {0.5f, 0, 0.5f}, 1, 3), ulps(16, 2));
        // a one-hot prediction on the true class: 1 is clipped to 1 − 2⁻²³, −log of it ≈ 1.1920929e-7; the zeros
        // (clipped to 1e-7f) have label 0 and add exactly nothing instead of 0·log 0 = NaN
        assertEquals(-Math.log(HIGH), value(cce, new float[] {0, 0, 1}, new float[] {0, 0, 1}, 1, 3), ulps(1.2e-7, 2));
    }

    @Test
    void categoricalCrossentropyFromLogits() {
        Loss cce = Losses.categoricalCrossentropy(true);
        // logits [0, 0, log 3]: softmax = [1, 1, 3] / 5 = [0.2, 0.2, 0.6]; −log 0.6 = 0.5108256237659907
        assertEquals(0.5108256237659907, value(cce, new float[] {0, 0, 1}, new float[] {0, 0, (float) Math.log(3)}, 1, 3), ulps(0.51, 3));
        // shifting every logit of a row changes nothing: [100, 100, 100 + log 3]
        assertEquals(0.5108256237659907, value(cce, new float[] {0, 0, 1}, new float[] {100, 100, 100 + (float) Math.log(3)}, 1, 3), 1e-5);
    }

    @Test
    void categoricalCrossentropyFromLogitsIsFiniteForHugeLogits() {
        Loss cce = Losses.categoricalCrossentropy(true);
        // logits [1000, 0, −1000]: log Σ e^x = 1000 + log(1 + e⁻¹⁰⁰⁰ + e⁻²⁰⁰⁰) = 1000 (e¹⁰⁰⁰ itself overflows)
        // class 1 → 1000 − 0 = 1000; class 2 → 1000 + 1000 = 2000; class 0 → 0
        float[] logits = {1000, 0, -1000};
        assertEquals(1000f, value(cce, new float[] {0, 1, 0}, logits, 1, 3), 0f);
        assertEquals(2000f, value(cce, new float[] {0, 0, 1}, logits, 1, 3), 0f);
        assertEquals(0f, value(cce, new float[] {1, 0, 0}, logits, 1, 3), 0f);
        // mean over rows: (1000 + 0) / 2 = 500
        assertEquals(500f, value(cce, new float[] {0, 1, 0, 1, 0, 0}, new float[] {1000, 0, -1000, 1000, 0, -1000}, 2, 3), 0f);
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        // δ = 1, targets 0: e = 0.5 → ½·0.25 = 0.125; e = −3 → 1·3 − ½ = 2.5; e = 1 (the seam) → ½ either way;
        // e = −0.25 → ½·0.0625 = 0.03125; sum 3.15625, / 4 = 0.7890625
        assertEquals(0.7890625f, value(Losses.huber(), new float[] {0, 0, 0, 0}, new float[] {0.5f, -3, 1, -0.25f}, 2, 2), 0f);
        // δ = 0.5, targets 1: e = 0.25 → ½·0.0625 = 0.03125; e = −2 → 0.5·2 − ½·0.25 = 0.875; mean 0.453125
        assertEquals(0.453125f, value(Losses.huber(0.5f), new float[] {1, 1}, new float[] {1.25f, -1}, 2), 0f);
        // δ = 2 at e = ±2 (the seam): ½·4 = 2 = 2·2 − ½·4
        assertEquals(2f, value(Losses.huber(2f), new float[] {0, 0}, new float[] {2, -2}, 2), 0f);
    }

    @Test
    void hingeMapsZeroOneLabelsToMinusOneOne() {
        // {1, 0, 1, 0} → {1, −1, 1, −1}; predictions 0.3, 0.4, 2, −3:
        // max(1 − 0.3, 0) = 0.7; max(1 + 0.4, 0) = 1.4; max(1 − 2, 0) = 0; max(1 − 3, 0) = 0; sum 2.1, / 4 = 0.525
        float[] predictions = {0.3f, 0.4f, 2, -3};
        assertEquals(0.525, value(Losses.hinge(), new float[] {1, 0, 1, 0}, predictions, 4, 1), ulps(0.525, 2));
        // the same labels given as {−1, 1} directly
        assertEquals(0.525, value(Losses.hinge(), new float[] {1, -1, 1, -1}, predictions, 4, 1), ulps(0.525, 2));
    }

    @Test
    void hingeMapsOnlyLabelSetsThatAreAllZeroOrOne() {
        // all zeros is binary (→ −1): p = 0.5 → 1.5; p = −2 → max(−1, 0) = 0; mean 0.75
        assertEquals(0.75f, value(Losses.hinge(), new float[] {0, 0}, new float[] {0.5f, -2}, 2), 0f);
        // {−1, 0, 1} is not binary, so a 0 stays 0 (as Keras): 1 + 0.5 = 1.5; 1 − 0 = 1; 1 − 0.5 = 0.5; mean 1
        assertEquals(1f, value(Losses.hinge(), new float[] {-1, 0, 1}, new float[] {0.5f, 5, 0.5f}, 3), 0f);
    }

    @Test
    void inverseMseIsOneOverEpsilonWherePredictionMeetsTarget() {
        // e = 0 → 1 / 1e-7f = 9999999.88 → 1e7 in float32, at every element, so the mean is 1e7
        assertEquals((float) (1 / LOW), value(Losses.inverseMse(), new float[] {0.5f, -2, 3}, new float[] {0.5f, -2, 3}, 3), 0f);
        assertEquals(1e7f, value(Losses.inverseMse(), new float[] {0.5f}, new float[] {0.5f}, 1), 0f);
        // ε = 0.5, errors 0, 1, −2: 1/0.5 = 2; 1/1.5 = 0.6666667; 1/4.5 = 0.2222222; sum 2.8888889, / 3 = 0.96296296
        assertEquals(26.0 / 27, value(Losses.inverseMse(0.5f), new float[] {0, 0, 1}, new float[] {0, 1, -1}, 3), ulps(0.96, 3));
        // far from the target it tends to 1/e²: e = 100 → 1 / (10⁴ + 1e-7) ≈ 1e-4
        assertEquals(1e-4, value(Losses.inverseMse(), new float[] {0}, new float[] {100}, 1), ulps(1e-4, 2));
        assertTrue(Float.isFinite(value(Losses.inverseMse(), new float[] {1}, new float[] {1}, 1)));
    }
}
